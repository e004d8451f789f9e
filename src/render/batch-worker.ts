// A worker thread of a render batch (src/render/batch.ts): loads the pipeline once, then checks
// and renders the files it is given and sends back each result, artifacts moved, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { checkIncident } from '../incident/check.js';
import { processFile, sendError, transferables, type BatchJob } from './batch.js';
import { TemplateEngine } from './engine.js';
import { TemplateStore } from './templates.js';

const port = parentPort!;
const job = workerData as BatchJob;
const engine = new TemplateEngine(new TemplateStore(job.templates));

port.on(
  'message',
  async (message: { tasks: { index: number; file: string; source?: Uint8Array }[] }) => {
    for (const task of message.tasks) {
      const result = await processFile(task, job, engine, checkIncident);
      const sent =
        result.error === undefined ? result : { ...result, error: sendError(result.error) };
      port.postMessage({ index: task.index, result: sent }, transferables(result));
    }
    port.postMessage({ idle: true });
  },
);
port.postMessage({ ready: true });
