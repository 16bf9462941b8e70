/**
 * The worker thread's side of `runInWorker`: it receives the input and a shared cancel flag,
 * runs `solveTimetable`, and posts progress and the result back. Not imported by anything else.
 *
 * @example
 * // started by runInWorker(); messages: { type: 'progress' | 'result' | 'error', … }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solveTimetable } from './solve-timetable';
import type { WorkerRequest } from './run-in-worker';

const request = workerData as WorkerRequest;
const flag = new Int32Array(request.cancelFlag);
const signal = {
  get aborted() {
    return Atomics.load(flag, 0) === 1;
  },
};

solveTimetable({
  ...request.options,
  signal,
  onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
})
  .then((result) => parentPort?.postMessage({ type: 'result', result }))
  .catch((error: unknown) =>
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    }),
  );
