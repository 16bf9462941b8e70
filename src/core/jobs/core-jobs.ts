/**
 * The core's own periodic work.
 *
 * @example
 * startScheduler(deps, [...coreJobs, ...modules.flatMap((m) => m.jobs ?? [])]);
 */
import type { Job } from '../module';
import { deliverOutbox } from '../mail/deliver-outbox';
import { pruneExpired } from '../system/prune-expired';

export const coreJobs: readonly Job[] = [
  {
    name: 'core.prune-expired',
    everyMs: 60 * 60 * 1000,
    run: async (deps) => deps.log.debug('prune.done', await pruneExpired(deps.db)),
  },
  {
    // Mail left 'stored' by a process that died before sending it, and failed mail to retry.
    name: 'core.deliver-outbox',
    everyMs: 30 * 1000,
    run: async (deps) => deps.log.debug('outbox.delivered', await deliverOutbox(deps)),
  },
];
