/**
 * Sets an edition's call for topics: when it opens and closes, and a note (es/en) on how the
 * topics are chosen, shown on the public topics page.
 *
 * @example
 * await saveTopicCall(db, { editionId, input: { opensAt, closesAt, noteEs: null, noteEn: null } });
 */
import type { Db } from '../../db/client';
import type { CallInput } from './topic-input';
import { topicCalls } from './schema';

export async function saveTopicCall(db: Db, o: { editionId: string; input: CallInput }) {
  const values = { ...o.input, updatedAt: new Date() };
  const [row] = await db
    .insert(topicCalls)
    .values({ editionId: o.editionId, ...values })
    .onConflictDoUpdate({ target: topicCalls.editionId, set: values })
    .returning();
  return row!;
}
