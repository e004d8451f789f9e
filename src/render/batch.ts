import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../shared.js';
import { InputError, OutputError, UsageError, hasErrors } from '../shared.js';
import type { Incident } from '../incident/incident.js';
import { MAX_FILE_BYTES } from '../incident/load.js';
import { readRegularFileSync } from '../incident/regular-file.js';
import type { Lang } from '../lang/index.js';
import type { RenderCache } from './cache.js';
import type { TemplateEngine } from './engine.js';
import type { Artifact } from '../shared.js';
import { renderIncident } from './render.js';

/** What every file of a batch is rendered with (plain data: it is sent to worker threads). */
export interface BatchJob {
  /** The `--templates` overlay; each thread opens its own store and engine. */
  templates?: string;
  variants: string[];
  formats: string[];
  /** Languages asked for; undefined: each file's own `lang`. */
  langs?: Lang[];
  explicitFormats: boolean;
  wrap?: number;
}

/** One file of a batch, in the order given: checked, and rendered if it is valid. */
export interface BatchItem {
  file: string;
  /** The incident's id, once the file is valid. */
  id?: string;
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
}

export type CheckFn = (
  file: string,
  options: { languages?: readonly Lang[]; source?: Uint8Array },
) => Promise<{ incident?: Incident; diagnostics: Diagnostic[] }>;

interface Task {
  index: number;
  file: string;
  source?: Uint8Array;
}

type TaskResult = Omit<BatchItem, 'file' | 'cached' | 'key'>;

/** Files from which worker threads pay off (each thread loads the pipeline first, ~0.1 s). */
const MIN_FILES_FOR_WORKERS = 12;
/** Files a thread takes at a time. */
const CHUNK = 4;

/**
 * Number of worker threads besides the main thread: `FAQ_WORKERS` if set (0: none), otherwise
 * one per further core when the batch is large enough.
 */
export function workerCount(tasks: number): number {
  const forced = process.env.FAQ_WORKERS;
  if (forced !== undefined && forced !== '' && Number.isInteger(Number(forced)))
    return Math.max(0, Math.min(Number(forced), tasks));
  if (tasks < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(tasks / 6)));
}

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
  job: BatchJob,
  engine: TemplateEngine,
  check: CheckFn,
): Promise<TaskResult> {
  let checked: Awaited<ReturnType<CheckFn>>;
  try {
    checked = await check(task.file, {
      ...(job.langs ? { languages: job.langs } : {}),
      ...(task.source ? { source: task.source } : {}),
    });
  } catch (error) {
    return { diagnostics: [], warnings: [], artifacts: [], error };
  }
  const { incident, diagnostics } = checked;
  if (!incident || hasErrors(diagnostics)) return { diagnostics, warnings: [], artifacts: [] };
  try {
    const result = await renderIncident(incident, engine, {
      variants: job.variants,
      formats: job.formats,
      langs: job.langs ?? [incident.lang],
      explicitFormats: job.explicitFormats,
      ...(job.wrap ? { wrap: job.wrap } : {}),
    });
    return {
      id: incident.id,
      diagnostics,
      warnings: result.warnings,
      artifacts: result.artifacts,
    };
  } catch (error) {
    return { id: incident.id, diagnostics, warnings: [], artifacts: [], error };
  }
}

// --- Errors and artifacts across threads.

interface SentError {
  kind: 'input' | 'output' | 'usage' | 'other';
  name: string;
  message: string;
  stack?: string;
  diagnostics?: Diagnostic[];
  hint?: string;
}

export function sendError(error: unknown): SentError {
  const e = error as Error & { diagnostics?: Diagnostic[]; hint?: string };
  const kind =
    error instanceof InputError
      ? 'input'
      : error instanceof OutputError
        ? 'output'
        : error instanceof UsageError
          ? 'usage'
          : 'other';
  return {
    kind,
    name: e?.name ?? 'Error',
    message: e?.message ?? String(error),
    ...(e?.stack ? { stack: e.stack } : {}),
    ...(e?.diagnostics ? { diagnostics: e.diagnostics } : {}),
    ...(e?.hint !== undefined ? { hint: e.hint } : {}),
  };
}

function receiveError(sent: SentError): Error {
  const error =
    sent.kind === 'input'
      ? new InputError(sent.diagnostics ?? [])
      : sent.kind === 'output'
        ? new OutputError(sent.message, sent.hint)
        : sent.kind === 'usage'
          ? new UsageError(sent.message, sent.hint)
          : new Error(sent.message);
  error.name = sent.name;
  if (sent.stack) error.stack = sent.stack;
  return error;
}

/** Buffers that can move to the main thread without a copy (not views of a shared pool). */
export function transferables(result: TaskResult): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const { content } of result.artifacts) {
    const buffer = content.buffer as ArrayBuffer;
    if (content.byteOffset === 0 && content.byteLength === buffer.byteLength) seen.add(buffer);
  }
  return [...seen];
}

// --- The batch.

/** The worker's file next to this module; the CLI bundle names its own (scripts/build.mjs). */
declare const FAQ_BATCH_WORKER: string | undefined;
const WORKER_URL = new URL(
  typeof FAQ_BATCH_WORKER === 'string' ? FAQ_BATCH_WORKER : './batch-worker.js',
  import.meta.url,
);

/**
 * Checks and renders files, in memory: unchanged ones come from the cache, the others are shared
 * between this thread and worker threads when there are many. The items keep the order of
 * `files`; the output does not depend on which thread rendered what.
 */
export async function renderBatch(
  files: readonly string[],
  job: BatchJob,
  engine: TemplateEngine,
  check: CheckFn,
  cache?: RenderCache,
): Promise<BatchItem[]> {
  const items: BatchItem[] = files.map((file) => ({
    file,
    diagnostics: [],
    warnings: [],
    artifacts: [],
    cached: false,
  }));
  const tasks: Task[] = [];
  for (const [index, file] of files.entries()) {
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
  const threads = workerCount(tasks.length);
  if (threads === 0) {
    for (const task of tasks) store(task.index, await processFile(task, job, engine, check), 0);
  } else {
    await shareTasks(tasks, threads, job, engine, check, store);
  }
  if (process.env.FAQ_TIMING)
    process.stderr.write(
      `faq timing: ${files.length} files, ${files.length - tasks.length} from the cache, ` +
        `${tasks.length} checked and rendered in ${Math.round(performance.now() - started)} ms ` +
        `by ${threads + 1} threads (${Array.from({ length: threads + 1 }, (_, n) => byThread[n] ?? 0).join(' + ')})\n`,
    );
  return items;
}

/** Works through the tasks on this thread and `threads` worker threads, from one queue. */
async function shareTasks(
  tasks: Task[],
  threads: number,
  job: BatchJob,
  engine: TemplateEngine,
  check: CheckFn,
  store: (index: number, result: TaskResult, thread: number) => void,
): Promise<void> {
  const queue = [...tasks];
  const pending = new Set<number>(tasks.map((t) => t.index));
  let wake: (() => void) | undefined;
  const changed = (): void => {
    wake?.();
    wake = undefined;
  };
  const workers: Worker[] = [];
  for (let n = 1; n <= threads; n++) {
    const worker = new Worker(WORKER_URL, { workerData: job });
    workers.push(worker);
    let inFlight: Task[] = [];
    let alive = true;
    const give = (): void => {
      inFlight = queue.splice(0, CHUNK);
      if (inFlight.length > 0) worker.postMessage({ tasks: inFlight });
    };
    const lose = (): void => {
      // A thread that failed: its unfinished files go back to the queue, for this thread.
      if (!alive) return;
      alive = false;
      queue.unshift(...inFlight.filter((t) => pending.has(t.index)));
      inFlight = [];
      changed();
    };
    worker.on(
      'message',
      (message: { ready?: true; idle?: true; index?: number; result?: unknown }) => {
        if (message.ready || message.idle) give();
        else if (message.index !== undefined && pending.has(message.index)) {
          const result = message.result as TaskResult;
          if (result.error !== undefined) result.error = receiveError(result.error as SentError);
          store(message.index, result, n);
          pending.delete(message.index);
          changed();
        }
      },
    );
    worker.on('error', lose);
    worker.on('exit', lose);
  }
  try {
    for (;;) {
      const task = queue.shift();
      if (task) {
        // Let the workers' messages in between files.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!pending.has(task.index)) continue;
        store(task.index, await processFile(task, job, engine, check), 0);
        pending.delete(task.index);
        continue;
      }
      if (pending.size === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
