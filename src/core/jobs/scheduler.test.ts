import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Job } from '../module';
import { runDueJobs } from './run-due-jobs';
import { scheduledJobs } from './schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;

function counting(name: string, everyMs = HOUR) {
  const runs: number[] = [];
  const job: Job = {
    name,
    everyMs,
    run: async () => {
      runs.push(Date.now());
      // Long enough for a second process to try while this one holds the job.
      await new Promise((r) => setTimeout(r, 50));
    },
  };
  return { job, runs };
}

describe('runDueJobs', () => {
  it('runs a due job once however many processes tick at the same moment, and again a period later', async () => {
    const { job, runs } = counting('test.once');
    // On PostgreSQL the second "process" is a second connection pool; on PGlite the same database.
    const other =
      t.deps.database.driver === 'postgres' && 'url' in t.deps.database
        ? await openDatabase({ url: (t.deps.database as { url: string }).url })
        : t.deps.database;
    const otherDeps: AppDeps = { ...t.deps, database: other, db: other.db };
    const now = new Date();
    const ran = await Promise.all([
      runDueJobs(t.deps, [job], now),
      runDueJobs(otherDeps, [job], now),
      runDueJobs(t.deps, [job], now),
    ]);
    expect(runs).toHaveLength(1);
    expect(ran.flat()).toEqual(['test.once']);
    expect(await runDueJobs(otherDeps, [job], new Date(now.getTime() + HOUR / 2))).toEqual([]);
    expect(await runDueJobs(otherDeps, [job], new Date(now.getTime() + HOUR))).toEqual([
      'test.once',
    ]);
    expect(runs).toHaveLength(2);
    if (other !== t.deps.database) await other.close();
  });

  it('records a failing job’s error and still runs the others', async () => {
    const failing: Job = {
      name: 'test.failing',
      everyMs: HOUR,
      run: () => Promise.reject(new Error('mail server down')),
    };
    const { job, runs } = counting('test.after-failure');
    expect(await runDueJobs(t.deps, [failing, job])).toEqual([
      'test.failing',
      'test.after-failure',
    ]);
    expect(runs).toHaveLength(1);
    const [row] = await t.db
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.name, 'test.failing'));
    expect(row!.lastError).toContain('mail server down');
    expect(row!.lockedUntil).toBeNull();
  });

  it('lets another process take over a job whose holder died without finishing', async () => {
    const { job, runs } = counting('test.takeover', 60_000);
    const start = new Date();
    await t.db.insert(scheduledJobs).values({
      name: 'test.takeover',
      lastStartedAt: start,
      lockedUntil: new Date(start.getTime() + 60_000),
    });
    expect(await runDueJobs(t.deps, [job], new Date(start.getTime() + 30_000))).toEqual([]);
    expect(await runDueJobs(t.deps, [job], new Date(start.getTime() + 60_000))).toEqual([
      'test.takeover',
    ]);
    expect(runs).toHaveLength(1);
  });
});
