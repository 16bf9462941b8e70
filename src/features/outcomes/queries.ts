/**
 * Reading an edition's outcomes.
 *
 * @example
 * const rows = await listOutcomes(db, { editionId, publishedOnly: true });
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isUuid } from '../../lib/uuid';
import { outcomes, type Outcome } from './schema';

/** The edition's outcomes in the order they were entered; only the published ones if asked. */
export async function listOutcomes(
  db: Db,
  o: { editionId: string; publishedOnly?: boolean },
): Promise<Outcome[]> {
  return db
    .select()
    .from(outcomes)
    .where(
      and(
        eq(outcomes.editionId, o.editionId),
        o.publishedOnly ? eq(outcomes.status, 'published') : undefined,
      ),
    )
    .orderBy(asc(outcomes.position), asc(outcomes.createdAt));
}

/** One outcome of the edition, or undefined (also for an id that is not a UUID). */
export async function findOutcome(
  db: Db,
  o: { editionId: string; outcomeId: string },
): Promise<Outcome | undefined> {
  if (!isUuid(o.outcomeId)) return undefined;
  const [row] = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.id, o.outcomeId), eq(outcomes.editionId, o.editionId)));
  return row;
}

/** Outcomes grouped by topic: the whole event first (null), then the topics in `tracks` order. */
export function groupByTopic(rows: Outcome[], tracks: readonly string[]) {
  const order = [null, ...tracks, ...new Set(rows.map((r) => r.topic))];
  const seen = new Set<string | null>();
  const groups: { topic: string | null; rows: Outcome[] }[] = [];
  for (const topic of order) {
    if (seen.has(topic)) continue;
    seen.add(topic);
    const inTopic = rows.filter((r) => r.topic === topic);
    if (inTopic.length) groups.push({ topic, rows: inTopic });
  }
  return groups;
}

/** Whether the edition has anything published (the public edition page links to it then). */
export async function hasPublishedOutcomes(db: Db, editionId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(outcomes)
    .where(and(eq(outcomes.editionId, editionId), eq(outcomes.status, 'published')))
    .limit(1);
  return row !== undefined;
}
