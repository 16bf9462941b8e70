/**
 * Runs `solveTimetable` in a worker thread so the server keeps answering while it searches:
 * progress arrives through `onProgress`, `cancel()` asks the search to stop and return the best
 * timetable so far (through a shared flag the busy worker reads, since it cannot read messages
 * while it computes), and `result` resolves with the outcome. A worker that does not answer a
 * cancel within `graceMs` (e.g. inside a long HiGHS call) is terminated and `result` rejects.
 * Works from compiled JavaScript and from TypeScript run by tsx or vitest: a worker thread does
 * not inherit the parent's module hooks, so it registers tsx's loader before it imports its .ts file.
 *
 * @example
 * const run = runInWorker({ options: { input, seed: 1, timeLimitMs: 30_000 }, onProgress: show });
 * setTimeout(() => run.cancel(), 5_000);
 * const result = await run.result;
 */
import { Worker } from 'node:worker_threads';
import type { SolveProgress, SolveResult } from './solve-timetable';
import type { solveTimetable } from './solve-timetable';

export type WorkerOptions = Omit<Parameters<typeof solveTimetable>[0], 'signal' | 'onProgress'>;

export type WorkerRequest = { options: WorkerOptions; cancelFlag: SharedArrayBuffer };

export type WorkerRun = {
  result: Promise<SolveResult>;
  cancel: () => void;
  /** The worker's thread id, for logs. */
  threadId: number;
};

export function runInWorker(o: {
  options: WorkerOptions;
  onProgress?: (p: SolveProgress) => void;
  graceMs?: number;
}): WorkerRun {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const here = import.meta.url;
  const typescript = here.endsWith('.ts');
  const file = new URL(typescript ? './solve-worker.ts' : './solve-worker.js', here);
  // A .ts worker (under tsx or vitest) first registers tsx's loader in its own thread.
  const worker = typescript
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
          `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`,
        { eval: true, workerData: { options: o.options, cancelFlag } satisfies WorkerRequest },
      )
    : new Worker(file, { workerData: { options: o.options, cancelFlag } satisfies WorkerRequest });
  let settled = false;
  const result = new Promise<SolveResult>((resolve, reject) => {
    worker.on(
      'message',
      (m: { type: string; progress?: SolveProgress; result?: SolveResult; message?: string }) => {
        if (m.type === 'progress' && m.progress) o.onProgress?.(m.progress);
        if (m.type === 'result' && m.result) {
          settled = true;
          resolve(m.result);
          void worker.terminate();
        }
        if (m.type === 'error') {
          settled = true;
          reject(new Error(m.message));
          void worker.terminate();
        }
      },
    );
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`optimizer worker stopped (exit code ${code})`));
    });
  });
  return {
    result,
    threadId: worker.threadId,
    cancel: () => {
      Atomics.store(flag, 0, 1);
      setTimeout(() => {
        if (!settled) void worker.terminate();
      }, o.graceMs ?? 3000).unref();
    },
  };
}
