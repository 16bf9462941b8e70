/**
 * Claims a periodic job for this process when it is due (never started, or started at least one
 * period ago) and nobody holds it; one atomic UPDATE, so of several processes sharing the
 * database exactly one gets it.
 *
 * @example
 * if (await claimJob(db, { name: 'committee.task-digests', everyMs: 3_600_000, holdMs: 600_000 })) run();
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scheduledJobs } from './schema';

export async function claimJob(
  db: Db,
  o: { name: string; everyMs: number; holdMs: number; now?: Date },
): Promise<boolean> {
  const now = o.now ?? new Date();
  await db.insert(scheduledJobs).values({ name: o.name }).onConflictDoNothing();
  const dueBefore = new Date(now.getTime() - o.everyMs);
  const claimed = await db
    .update(scheduledJobs)
    .set({ lastStartedAt: now, lockedUntil: new Date(now.getTime() + o.holdMs) })
    .where(
      sql`${scheduledJobs.name} = ${o.name}
        and (${scheduledJobs.lastStartedAt} is null or ${scheduledJobs.lastStartedAt} <= ${dueBefore})
        and (${scheduledJobs.lockedUntil} is null or ${scheduledJobs.lockedUntil} <= ${now})`,
    )
    .returning({ name: scheduledJobs.name });
  return claimed.length === 1;
}
