/**
 * Creates a task with one owner (a person of the initiative's network or an institution), an
 * optional due date, and optionally the meeting or activity it comes from (of the same
 * initiative).
 *
 * @example
 * const item = await createActionItem(db, { initiativeId, userId, input: { title: 'Invitar a la prensa', owner: { personId, institutionId: null }, dueOn: '2018-10-10' } });
 */
import { InputError } from '../../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { institutions } from '../../network/schema';
import { isPersonOfInitiative } from '../queries';
import { actionItems, activities, meetings } from '../schema';
import type { ActionInput, Owner } from './action-input';

/** Refuses an owner outside the initiative's network (or an unknown institution). */
export async function checkOwner(db: Db, initiativeId: string, owner: Owner) {
  const ok = owner.personId
    ? await isPersonOfInitiative(db, owner.personId, initiativeId)
    : Boolean(
        (
          await db
            .select({ id: institutions.id })
            .from(institutions)
            .where(eq(institutions.id, owner.institutionId!))
        )[0],
      );
  if (!ok) throw new InputError({ owner: { key: 'committee.action.chooseOwner' } });
}

export async function createActionItem(
  db: Db,
  o: { initiativeId: string; userId: string | null; input: ActionInput; sample?: boolean },
) {
  const i = o.input;
  await checkOwner(db, o.initiativeId, i.owner);
  if (i.meetingId) {
    const [m] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, i.meetingId), eq(meetings.initiativeId, o.initiativeId)));
    if (!m) throw new InputError({ meetingId: { key: 'form.invalid' } });
  }
  if (i.activityId) {
    const [a] = await db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.id, i.activityId), eq(activities.initiativeId, o.initiativeId)));
    if (!a) throw new InputError({ activityId: { key: 'form.invalid' } });
  }
  const [row] = await db
    .insert(actionItems)
    .values({
      initiativeId: o.initiativeId,
      meetingId: i.meetingId ?? null,
      activityId: i.activityId ?? null,
      title: i.title,
      ownerPersonId: i.owner.personId,
      ownerInstitutionId: i.owner.institutionId,
      dueOn: i.dueOn ?? null,
      sample: o.sample ?? false,
      createdBy: o.userId,
    })
    .returning();
  return row!;
}
