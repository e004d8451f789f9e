import type { ArchivePlan } from './output/archive.js';
import type { IndexRequest } from './output/index-files.js';
import { writeArtifacts } from './output/write.js';
import { composeIndex } from './render/index-page.js';
import { RenderCache } from './render/cache.js';
import { planRun, type RenderOptions } from './render/plan.js';
import { runTasks, type BatchItem } from './render/run.js';
import { checkSelectionProduces } from './render/check-selection.js';
import { InputError, UsageError, hasErrors, type Artifact, type Diagnostic } from './shared.js';

import {
  checkFiles as checkFilesOnly,
  checkIncident as checkIncidentOnly,
  type CheckOptions,
  type CheckResult,
} from './incident/check.js';
import { leichtCheck } from './render/leicht-check.js';
import { TemplateEngine } from './render/engine.js';
import { TemplateStore } from './render/templates.js';

export type { CheckResult };

/** The checks of the texts as the built-in templates render them (the page in Leichte Sprache). */
function renderedChecks() {
  return leichtCheck(new TemplateEngine(new TemplateStore()));
}

/** Validates one incident file, with the checks of its rendered texts (`faq check`). */
export async function checkIncident(file: string, options: CheckOptions = {}) {
  return checkIncidentOnly(file, { checkRendered: renderedChecks(), ...options });
}

/** Validates many files; every problem of every file is returned. */
export async function checkFiles(
  files: readonly string[],
  options: { release?: boolean; now?: number } = {},
): Promise<CheckResult[]> {
  return checkFilesOnly(files, { ...options, checkRendered: renderedChecks() });
}
export type { RenderOptions };

export interface RenderOutcome {
  artifacts: Artifact[];
  warnings: Diagnostic[];
  out: string;
  /** False when this run first repaired the leftovers of an earlier run that was killed. */
  previousRunComplete?: boolean;
  /** What the user should know about the index across incidents (docs/outputs.md). */
  notes?: string[];
}

/** Two files with the same id would write one folder: an error at the second. */
function findDuplicateIds(items: readonly BatchItem[]): Diagnostic[] {
  const byId = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    if (!item.id) continue;
    const other = byId.get(item.id);
    if (other)
      diagnostics.push({
        file: item.file,
        line: item.idAt?.line ?? 1,
        col: item.idAt?.col ?? 1,
        severity: 'error',
        path: 'id',
        message: `id "${item.id}" is also used by ${other}`,
        hint: 'give each incident its own id',
      });
    byId.set(item.id, item.file);
  }
  return diagnostics;
}

/**
 * Renders incident files: planned (names checked), run (checked and rendered in memory, from the
 * render cache or on worker threads), and written all or nothing only when every file and
 * template is valid. Throws UsageError, InputError or OutputError.
 */
export async function renderFiles(options: RenderOptions): Promise<RenderOutcome> {
  const plan = planRun(options);
  const { out, selection } = plan;
  if (!plan.dryRun) checkSelectionProduces(plan.engine.store, selection);
  // Unchanged files come from the render cache of `out`; many files are shared between threads.
  const cache = plan.dryRun ? undefined : RenderCache.open(out, plan.engine.store, selection);
  const items = await runTasks(plan, cache);
  const diagnostics = [...items.flatMap((item) => item.diagnostics), ...findDuplicateIds(items)];
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const warnings = [...diagnostics];
  const artifacts: Artifact[] = [];
  const byIncident = new Map<string, Artifact[]>();
  const archives = new Map<string, ArchivePlan>();
  for (const item of items) {
    if (item.error !== undefined) throw item.error;
    warnings.push(...item.warnings);
    artifacts.push(...item.artifacts);
    if (!plan.dryRun && item.artifacts.length === 0)
      throw new UsageError(
        `${item.file}: the selection produces no files for this incident; nothing was written`,
        item.warnings[0]?.message ?? 'choose other variants or formats',
      );
    // A cached incident's folder already holds exactly these artifacts: it is left as it is.
    if (!item.cached) byIncident.set(item.id!, item.artifacts);
    if (!item.cached && item.archive) archives.set(item.id!, item.archive);
  }
  if (plan.dryRun) return { artifacts, warnings, out };
  const entries = new Map(items.flatMap((item) => (item.entry ? [[item.id!, item.entry]] : [])));
  const index: IndexRequest = {
    entries,
    start: items.length > 1,
    ...(cache ? { manifests: cache.verifiedManifests() } : {}),
    compose: (listed) => {
      const started = performance.now();
      const compose = (): Map<string, string> => composeIndex(plan.engine, listed);
      const files = cache ? cache.indexFiles(listed, compose) : compose();
      if (process.env.FAQ_TIMING)
        process.stderr.write(
          `faq timing: index of ${listed.length} incidents ${files instanceof Map ? 'composed' : 'unchanged (render cache)'} in ${Math.round(performance.now() - started)} ms\n`,
        );
      return files;
    },
  };
  const written = await writeArtifacts(out, byIncident, archives, index);
  cache?.save(items.filter((item) => item.key && !item.cached) as Required<BatchItem>[]);
  const { previousRunComplete, notes } = written;
  return { artifacts, warnings, out, previousRunComplete, notes };
}
