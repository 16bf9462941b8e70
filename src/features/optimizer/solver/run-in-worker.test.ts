import { describe, expect, it } from 'vitest';
import { createRandom } from './create-random';
import type { OptimizerInputData } from './model';
import { runInWorker } from './run-in-worker';
import type { SolveProgress } from './solve-timetable';

function largeForum(): OptimizerInputData {
  const rnd = createRandom({ seed: 11 });
  const n = 120;
  return {
    blocks: Array.from({ length: 12 }, (_, i) => ({
      id: `b${i}`,
      start: i * 100,
      end: i * 100 + 90,
    })),
    rooms: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}` })),
    sessions: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      duration: 90,
      people: [`p${rnd.int(80)}`],
    })),
    interest: {
      kind: 'attendees',
      attendees: Array.from({ length: 2000 }, () =>
        Array.from({ length: 4 }, () => `s${rnd.int(n)}`),
      ),
    },
  };
}

describe('runInWorker', () => {
  it('solves in a worker thread and reports the result', async () => {
    const run = runInWorker({
      options: {
        input: {
          blocks: [
            { id: 'b', start: 0, end: 60 },
            { id: 'c', start: 70, end: 130 },
          ],
          rooms: [{ id: 'A' }, { id: 'B' }],
          sessions: [
            { id: 'x', duration: 60, people: ['ana'] },
            { id: 'y', duration: 60, people: ['ana'] },
          ],
        },
        seed: 1,
        timeLimitMs: 5000,
      },
    });
    const result = await run.result;
    expect(result.status).toBe('optimal');
    if (result.status === 'infeasible') return;
    expect(result.timetable.x!.block).not.toBe(result.timetable.y!.block);
  }, 60_000);

  it('sends progress while it searches and stops early when cancelled, with the best so far', async () => {
    const progress: SolveProgress[] = [];
    const run = runInWorker({
      options: { input: largeForum(), seed: 1, timeLimitMs: 60_000, exact: 'never' },
      onProgress: (p) => {
        progress.push(p);
        if (progress.length === 2) run.cancel();
      },
    });
    const started = Date.now();
    const result = await run.result;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toMatchObject({ phase: 'search' });
    expect(result.status).not.toBe('infeasible');
    if (result.status === 'infeasible') return;
    expect(result.stoppedBy).toBe('aborted');
    expect(Object.keys(result.timetable)).toHaveLength(120);
  }, 60_000);
});
