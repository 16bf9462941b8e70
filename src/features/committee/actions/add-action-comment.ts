/**
 * Adds a comment to a task.
 *
 * @example
 * await addActionComment(db, { actionItemId: item.id, userId: user.id, body: 'Enviado a UNESCO.' });
 */
import type { Db } from '../../../db/client';
import { actionComments } from '../schema';

export async function addActionComment(
  db: Db,
  o: { actionItemId: string; userId: string | null; body: string },
) {
  const [row] = await db
    .insert(actionComments)
    .values({ actionItemId: o.actionItemId, authorUserId: o.userId, body: o.body })
    .returning();
  return row!;
}
