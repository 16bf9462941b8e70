/**
 * The one scheduler of the process: every `tickMs` it runs the jobs that are due (see
 * `runDueJobs`), never two ticks at once. Several processes may run it against one PostgreSQL.
 *
 * @example
 * const stop = startScheduler(deps, jobs);
 * // on shutdown
 * stop();
 */
import type { AppDeps } from '../../http/types';
import type { Job } from '../module';
import { runDueJobs } from './run-due-jobs';

export function startScheduler(
  deps: AppDeps,
  jobs: readonly Job[],
  o: { tickMs?: number } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueJobs(deps, jobs);
    } catch (error) {
      deps.log.warn('scheduler.tick_failed', { error: String(error) });
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), o.tickMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
