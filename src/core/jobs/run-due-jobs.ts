/**
 * Runs every job that is due and that this process could claim, one after another; records when
 * each finished and its error, if any. A failing job does not stop the others.
 *
 * @example
 * const ran = await runDueJobs(deps, jobs); // ['registration.sweep-offers']
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import type { Job } from '../module';
import { claimJob } from './claim-job';
import { scheduledJobs } from './schema';

/** How long a claimed job is held before another process may take it over (a crashed run). */
const HOLD_MS = 30 * 60 * 1000;

export async function runDueJobs(
  deps: AppDeps,
  jobs: readonly Job[],
  now = new Date(),
): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const holdMs = Math.min(HOLD_MS, job.everyMs);
    if (!(await claimJob(deps.db, { name: job.name, everyMs: job.everyMs, holdMs, now }))) continue;
    let lastError: string | null = null;
    try {
      await job.run(deps);
    } catch (error) {
      lastError = String(error).slice(0, 500);
      deps.log.warn('job.failed', { job: job.name, error: lastError });
    }
    await deps.db
      .update(scheduledJobs)
      .set({ lastFinishedAt: new Date(), lockedUntil: null, lastError })
      .where(eq(scheduledJobs.name, job.name));
    ran.push(job.name);
  }
  return ran;
}
