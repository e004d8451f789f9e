import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, OutputError, UsageError, type Diagnostic, type Selection } from '../shared.js';

/** A file to check and render, with its bytes when they were read already. */
export interface SourceTask {
  index: number;
  file: string;
  source?: Uint8Array;
}

/** What a thread sends back for a task: its artifacts move, its error is rebuilt here. */
interface ThreadResult {
  artifacts: readonly { content: Uint8Array }[];
  error?: unknown;
}

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
export function transferables(result: ThreadResult): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const { content } of result.artifacts) {
    const buffer = content.buffer as ArrayBuffer;
    if (content.byteOffset === 0 && content.byteLength === buffer.byteLength) seen.add(buffer);
  }
  return [...seen];
}

// --- The threads.

/** The worker's file next to this module; the CLI bundle names its own (scripts/build.mjs). */
declare const FAQ_BATCH_WORKER: string | undefined;
const WORKER_URL = new URL(
  typeof FAQ_BATCH_WORKER === 'string' ? FAQ_BATCH_WORKER : './batch-worker.js',
  import.meta.url,
);

/**
 * Works through the tasks on this thread (with `work`) and `threads` worker threads (each with
 * its own templates, opened from the selection), from one queue.
 */
export async function shareTasks<R extends ThreadResult>(
  tasks: SourceTask[],
  threads: number,
  selection: Selection,
  work: (task: SourceTask) => Promise<R>,
  store: (index: number, result: R, thread: number) => void,
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
    const worker = new Worker(WORKER_URL, { workerData: selection });
    workers.push(worker);
    let inFlight: SourceTask[] = [];
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
          const result = message.result as R;
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
        store(task.index, await work(task), 0);
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
