// A worker thread of a run (src/render/threads.ts): loads the pipeline once, then checks and
// renders the files it is given and sends back each result, artifacts moved, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import type { Selection } from '../shared.js';
import { TemplateEngine } from './engine.js';
import { processFile } from './run.js';
import { TemplateStore } from './templates.js';
import { sendError, transferables, type SourceTask } from './threads.js';

const port = parentPort!;
const selection = workerData as Selection;
const engine = new TemplateEngine(new TemplateStore(selection.templates));

port.on('message', async (message: { tasks: SourceTask[] }) => {
  for (const task of message.tasks) {
    const result = await processFile(task, selection, engine);
    const sent =
      result.error === undefined ? result : { ...result, error: sendError(result.error) };
    port.postMessage({ index: task.index, result: sent }, transferables(result));
  }
  port.postMessage({ idle: true });
});
port.postMessage({ ready: true });
