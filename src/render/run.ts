import { applyRelease } from '../incident/approval.js';
import { checkIncident } from '../incident/check.js';
import { MAX_FILE_BYTES } from '../incident/load.js';
import { readRegularFileSync } from '../incident/regular-file.js';
import type { Lang } from '../lang/index.js';
import { hasErrors, type Artifact, type Diagnostic, type Selection } from '../shared.js';
import { readArchive, type ArchivePlan } from '../output/archive.js';
import type { IndexEntry } from '../output/index-entry.js';
import { planArchive } from './archive.js';
import { describeIncident } from './index-entry.js';
import type { RenderCache } from './cache.js';
import type { TemplateEngine } from './engine.js';
import type { Plan } from './plan.js';
import { mergeCounts } from './mail-merge.js';
import { renderIncident } from './render.js';
import { readVariants } from './variants.js';
import { LEICHT, leichtCheck } from './leicht-check.js';
import { shareTasks, workerCount, type SourceTask } from './threads.js';

/** One file of a run, in the order given: checked, and rendered if it is valid. */
export interface BatchItem {
  file: string;
  /** The incident's id, once the file is valid. */
  id?: string;
  /** Where the id is written in the file, when it is. */
  idAt?: { line: number; col: number };
  /** What checking the file reported. */
  diagnostics: Diagnostic[];
  /** What rendering it reported. */
  warnings: Diagnostic[];
  artifacts: Artifact[];
  /** Why rendering failed (thrown by the caller, in file order, only if every file is valid). */
  error?: unknown;
  /** Taken from the render cache: its folder already holds these artifacts. */
  cached: boolean;
  /** The render-cache key of the file's bytes, when there is a cache. */
  key?: string;
  /** The incident's archive: what its folder keeps and what this render adds (src/render/archive.ts). */
  archive?: ArchivePlan;
  /** Its facts for the index across incidents. */
  entry?: IndexEntry;
}

export type TaskResult = Omit<BatchItem, 'file' | 'cached' | 'key'>;

/**
 * The bytes of a regular file within the size limit, read once here so that the cache key and
 * the check see the same bytes; undefined for anything else (missing, a folder, too large, a
 * pipe), which the check then reads and reports itself.
 */
function readSource(file: string): Uint8Array | undefined {
  try {
    const data = readRegularFileSync(file, MAX_FILE_BYTES);
    return data.length > MAX_FILE_BYTES ? undefined : data;
  } catch {
    return undefined;
  }
}

/** Checks one file and, when it is valid, renders it. Never throws: failures are data. */
export async function processFile(
  task: { file: string; source?: Uint8Array },
  selection: Selection,
  engine: TemplateEngine,
): Promise<TaskResult> {
  let checked: Awaited<ReturnType<typeof checkIncident>>;
  try {
    const variants = readVariants(engine.store);
    checked = await checkIncident(task.file, {
      // The planner checked every language name against the templates.
      ...(selection.langs ? { languages: selection.langs as readonly Lang[] } : {}),
      // Only the texts that the selected variants show must be in every language.
      variants: selection.variants.flatMap((name) => variants[name] ?? []),
      ...(selection.now !== undefined ? { now: selection.now } : {}),
      ...(task.source ? { source: task.source } : {}),
      ...(selection.release ? { release: true } : {}),
      ...(selection.variants.includes(LEICHT)
        ? { checkRendered: leichtCheck(engine, selection.explicitVariants === true) }
        : {}),
    });
  } catch (error) {
    return { diagnostics: [], warnings: [], artifacts: [], error };
  }
  const { incident, diagnostics } = checked;
  if (!incident || hasErrors(diagnostics)) return { diagnostics, warnings: [], artifacts: [] };
  const id = { id: incident.id, ...(incident.idAt ? { idAt: incident.idAt } : {}) };
  try {
    const previous = selection.out ? readArchive(selection.out, incident.id) : undefined;
    const result = await renderIncident(incident, engine, selection, {
      ...(previous ? { archived: previous.versions } : {}),
    });
    const archiving = selection.archive === true || incident.publish?.archive === true;
    const archive = previous
      ? planArchive(incident, archiving, previous, result.artifacts, result.copies)
      : { diagnostics: [] };
    if (archive.diagnostics.length)
      return {
        ...id,
        diagnostics: [...diagnostics, ...archive.diagnostics],
        warnings: [],
        artifacts: [],
      };
    // With --release, a warning of the render (an e-mail without sender) fails the file too.
    if (selection.release && result.warnings.length > 0)
      return {
        ...id,
        diagnostics: [
          ...diagnostics,
          ...applyRelease(result.warnings, task.file, { hasApproval: true }),
        ],
        warnings: [],
        artifacts: [],
      };
    return {
      ...id,
      diagnostics,
      warnings: result.warnings,
      artifacts: result.artifacts,
      ...(archive.plan ? { archive: archive.plan } : {}),
      entry: describeIncident(incident, result.artifacts),
    };
  } catch (error) {
    return { ...id, diagnostics, warnings: [], artifacts: [], error };
  }
}

/**
 * Runs a plan's tasks, in memory: unchanged files come from the cache, the others are shared
 * between this thread and worker threads when there are many. The items keep the order of the
 * tasks; the output does not depend on which thread rendered what.
 */
export async function runTasks(plan: Plan, cache?: RenderCache): Promise<BatchItem[]> {
  const { selection, engine } = plan;
  const items: BatchItem[] = plan.tasks.map(({ file }) => ({
    file,
    diagnostics: [],
    warnings: [],
    artifacts: [],
    cached: false,
  }));
  const tasks: SourceTask[] = [];
  for (const { index, file } of plan.tasks) {
    const source = readSource(file);
    if (cache && source) {
      const key = cache.keyOf(file, source);
      items[index]!.key = key;
      const hit = cache.lookup(key);
      if (hit) {
        Object.assign(items[index]!, hit, { cached: true });
        continue;
      }
    }
    tasks.push({ index, file, ...(source ? { source } : {}) });
  }
  const started = performance.now();
  const byThread: number[] = [];
  const store = (index: number, result: TaskResult, thread: number): void => {
    Object.assign(items[index]!, result);
    byThread[thread] = (byThread[thread] ?? 0) + 1;
  };
  const work = (task: SourceTask): Promise<TaskResult> => processFile(task, selection, engine);
  const threads = workerCount(tasks.length);
  if (threads === 0) for (const task of tasks) store(task.index, await work(task), 0);
  else await shareTasks(tasks, threads, selection, work, store);
  if (process.env.FAQ_TIMING)
    process.stderr.write(
      `faq timing: ${items.length} files, ${items.length - tasks.length} from the cache, ` +
        `${tasks.length} checked and rendered in ${Math.round(performance.now() - started)} ms ` +
        `by ${threads + 1} threads (${Array.from({ length: threads + 1 }, (_, n) => byThread[n] ?? 0).join(' + ')})` +
        '\n' +
        (mergeCounts.merged + mergeCounts.inFull > 0
          ? `faq timing: mail merge (this thread): ${mergeCounts.merged} e-mails merged, ${mergeCounts.inFull} rendered in full\n`
          : ''),
    );
  return items;
}
