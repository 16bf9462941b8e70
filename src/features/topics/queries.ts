/**
 * Reading an edition's topics: every topic with its tally for the committee, the call, the
 * tracks the programme offers, and what the public topics page shows.
 *
 * @example
 * const tracks = await listTracks(db, edition.id); // ['Neutralidad de la red', …]
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { events } from '../programme/schema';
import { topicCalls, topics, topicVotes, type Topic } from './schema';

export type TopicRow = Topic & { votes: number; myVote: boolean; mergedIntoTitle: string | null };

/** Every topic of the edition, oldest first, with its vote count and whether `userId` voted. */
export async function listTopics(
  db: Db,
  o: { editionId: string; userId?: string | null },
): Promise<TopicRow[]> {
  const rows = await db
    .select({
      topic: topics,
      votes: sql<string>`(select count(*) from ${topicVotes} where ${topicVotes.topicId} = ${topics.id})`,
      mine: o.userId
        ? sql<boolean>`exists (select 1 from ${topicVotes} where ${topicVotes.topicId} = ${topics.id} and ${topicVotes.userId} = ${o.userId})`
        : sql<boolean>`false`,
    })
    .from(topics)
    .where(eq(topics.editionId, o.editionId))
    .orderBy(asc(topics.createdAt), asc(topics.title));
  const titles = new Map(rows.map((r) => [r.topic.id, r.topic.title]));
  return rows.map((r) => ({
    ...r.topic,
    votes: Number(r.votes),
    myVote: r.mine === true || String(r.mine) === 'true',
    mergedIntoTitle: r.topic.mergedInto ? (titles.get(r.topic.mergedInto) ?? null) : null,
  }));
}

export async function findTopicCall(db: Db, editionId: string) {
  const [call] = await db.select().from(topicCalls).where(eq(topicCalls.editionId, editionId));
  return call;
}

/** The edition's tracks (selected topics' names), alphabetically. */
export async function listTracks(db: Db, editionId: string): Promise<string[]> {
  const rows = await db
    .select({ name: topics.trackName })
    .from(topics)
    .where(
      and(
        eq(topics.editionId, editionId),
        eq(topics.status, 'selected'),
        isNotNull(topics.trackName),
      ),
    )
    .orderBy(asc(topics.trackName));
  return rows.map((r) => r.name!);
}

/** The zone the call's dates are typed in: the edition's first event's, else UTC. */
export async function editionTimeZone(db: Db, editionId: string): Promise<string> {
  const [row] = await db
    .select({ zone: events.timeZone })
    .from(events)
    .where(eq(events.editionId, editionId))
    .orderBy(asc(events.startsAt))
    .limit(1);
  return row?.zone ?? 'UTC';
}

/**
 * What the public topics page shows: public proposals counted by stakeholder group, the
 * shortlist with tallies, the selected tracks, rejected topics with their reasons, and how many
 * were merged. Proposers' names only where they agreed.
 */
export async function publicTopics(db: Db, editionId: string) {
  const all = await listTopics(db, { editionId });
  const byGroup = new Map<string, number>();
  for (const t of all)
    if (t.origin === 'public' && t.stakeholderGroup)
      byGroup.set(t.stakeholderGroup, (byGroup.get(t.stakeholderGroup) ?? 0) + 1);
  const shown = (t: TopicRow) => ({
    id: t.id,
    title: t.title,
    reason: t.reason,
    origin: t.origin,
    votes: t.votes,
    trackName: t.trackName,
    decisionNote: t.decisionNote,
    sample: t.sample,
    source: t.source,
    proposer: t.namePublic ? t.proposerName : null,
  });
  const byVotes = (a: TopicRow, b: TopicRow) => b.votes - a.votes || a.title.localeCompare(b.title);
  return {
    call: await findTopicCall(db, editionId),
    proposals: all.filter((t) => t.origin === 'public').length,
    byGroup: [...byGroup].map(([group, count]) => ({ group, count })),
    selected: all
      .filter((t) => t.status === 'selected')
      .sort(byVotes)
      .map(shown),
    shortlisted: all
      .filter((t) => t.status === 'shortlisted')
      .sort(byVotes)
      .map(shown),
    rejected: all.filter((t) => t.status === 'rejected').map(shown),
    merged: all.filter((t) => t.status === 'merged').length,
    waiting: all.filter((t) => t.status === 'proposed').length,
  };
}
