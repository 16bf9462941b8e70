/**
 * The owner of a task changes its status from "my tasks": refused (undefined) unless the task is
 * the user's (owned by a network person linked to their account, or their institution).
 *
 * @example
 * const changed = await setMyTaskStatus(db, { user, taskId, status: 'done' });
 */
import type { Db } from '../../../db/client';
import type { User } from '../../../core/accounts/schema';
import type { ActionStatus } from '../schema';
import { loadActionItem, ownersOfUser } from './queries';
import { updateActionItem } from './update-action-item';

export async function setMyTaskStatus(
  db: Db,
  o: { user: User; taskId: string; status: ActionStatus },
) {
  const item = await loadActionItem(db, { id: o.taskId });
  if (!item) return undefined;
  const mine = await ownersOfUser(db, o.user);
  const owned =
    (item.ownerPersonId && mine.personIds.includes(item.ownerPersonId)) ||
    (item.ownerInstitutionId && mine.institutionIds.includes(item.ownerInstitutionId));
  if (!owned) return undefined;
  const after = await updateActionItem(db, { item, input: { status: o.status } });
  return { before: item, after };
}
