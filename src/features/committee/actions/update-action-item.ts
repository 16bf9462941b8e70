/**
 * Changes a task: its status, owner and due date (organisers), or only its status (its owner,
 * from "my tasks"). Returns the row before and after, for the audit log.
 *
 * @example
 * await updateActionItem(db, { item, input: { status: 'done' } });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { actionItems, type ActionStatus } from '../schema';
import type { Owner } from './action-input';
import { checkOwner } from './create-action-item';

export async function updateActionItem(
  db: Db,
  o: {
    item: { id: string; initiativeId: string };
    input: { status: ActionStatus; owner?: Owner; dueOn?: string | undefined };
  },
) {
  const { status, owner } = o.input;
  if (owner) await checkOwner(db, o.item.initiativeId, owner);
  const [row] = await db
    .update(actionItems)
    .set({
      status,
      ...(owner
        ? {
            ownerPersonId: owner.personId,
            ownerInstitutionId: owner.institutionId,
            dueOn: o.input.dueOn ?? null,
          }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(actionItems.id, o.item.id))
    .returning();
  return row!;
}
