/**
 * The committee feature's part of a person's data: where their network records sit in committees
 * (focal point, representative of a member institution, working groups, meetings attended, tasks
 * owned), the task comments they wrote, their private calendar links and the weekly digests sent
 * to them. Erasure deletes the calendar links and the digest records, removes the authorship and
 * the text of their comments and vacates the focal point; the representations, memberships,
 * attendance and tasks stay linked to the anonymised record, so the committee's composition and
 * counts stay true. Meeting minutes are the committee's record and are not rewritten.
 *
 * @example
 * const part = await committeePersonalData.collect(db, subject);
 * part.comments[0].body; // 'Enviado a UNESCO.'
 * await committeePersonalData.erase(tx, subject);
 */
import { eq, inArray } from 'drizzle-orm';
import { initiatives } from '../../core/initiatives/schema';
import type { PersonalDataPart } from '../../core/module';
import type { Db } from '../../db/client';
import { institutions } from '../network/schema';
import {
  actionComments,
  actionItems,
  committeeCalendarLinks,
  committeeMembers,
  committeeRepresentatives,
  committees,
  meetingAttendance,
  meetings,
  taskDigests,
  workingGroupMembers,
  workingGroups,
} from './schema';

/** What the person's network records are in committees. */
async function collectRoles(db: Db, ids: string[]) {
  if (!ids.length)
    return { focalPointOf: [], represents: [], workingGroups: [], meetings: [], tasks: [] };
  const [focal, represents, groups, attended, tasks] = await Promise.all([
    db
      .select({ initiative: initiatives.name })
      .from(committees)
      .innerJoin(initiatives, eq(initiatives.id, committees.initiativeId))
      .where(inArray(committees.focalPersonId, ids)),
    db
      .select({ initiative: initiatives.name, institution: institutions.name })
      .from(committeeRepresentatives)
      .innerJoin(committeeMembers, eq(committeeMembers.id, committeeRepresentatives.memberId))
      .innerJoin(institutions, eq(institutions.id, committeeMembers.institutionId))
      .innerJoin(initiatives, eq(initiatives.id, committeeMembers.initiativeId))
      .where(inArray(committeeRepresentatives.personId, ids)),
    db
      .select({ group: workingGroups.name })
      .from(workingGroupMembers)
      .innerJoin(workingGroups, eq(workingGroups.id, workingGroupMembers.groupId))
      .where(inArray(workingGroupMembers.personId, ids)),
    db
      .select({ meeting: meetings.title, startsAt: meetings.startsAt })
      .from(meetingAttendance)
      .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
      .where(inArray(meetingAttendance.personId, ids))
      .orderBy(meetings.startsAt),
    db
      .select({ title: actionItems.title, dueOn: actionItems.dueOn, status: actionItems.status })
      .from(actionItems)
      .where(inArray(actionItems.ownerPersonId, ids)),
  ]);
  return {
    focalPointOf: focal.map((f) => f.initiative),
    represents,
    workingGroups: groups.map((g) => g.group),
    meetings: attended,
    tasks,
  };
}

export const committeePersonalData: PersonalDataPart = {
  label: 'committee.privacyPart',
  tables: [
    'committees',
    'committee_representatives',
    'working_group_members',
    'meeting_attendance',
    'action_items',
    'action_item_comments',
    'committee_calendar_links',
    'task_digests',
  ],
  collect: async (db, subject) => {
    const ids = subject.personIds;
    const [roles, comments, calendarLinks, digests] = await Promise.all([
      collectRoles(db, ids),
      db
        .select({
          task: actionItems.title,
          body: actionComments.body,
          at: actionComments.createdAt,
        })
        .from(actionComments)
        .innerJoin(actionItems, eq(actionItems.id, actionComments.actionItemId))
        .where(eq(actionComments.authorUserId, subject.user.id))
        .orderBy(actionComments.createdAt),
      db
        .select({ initiative: initiatives.name, createdAt: committeeCalendarLinks.createdAt })
        .from(committeeCalendarLinks)
        .innerJoin(initiatives, eq(initiatives.id, committeeCalendarLinks.initiativeId))
        .where(eq(committeeCalendarLinks.userId, subject.user.id)),
      ids.length
        ? db
            .select({ weekOf: taskDigests.weekOf, sentAt: taskDigests.sentAt })
            .from(taskDigests)
            .where(inArray(taskDigests.personId, ids))
        : Promise.resolve([]),
    ]);
    return { ...roles, comments, calendarLinks, taskDigests: digests };
  },
  erase: async (tx, subject) => {
    const ids = subject.personIds;
    await tx
      .delete(committeeCalendarLinks)
      .where(eq(committeeCalendarLinks.userId, subject.user.id));
    await tx
      .update(actionComments)
      .set({ authorUserId: null, body: '' })
      .where(eq(actionComments.authorUserId, subject.user.id));
    if (!ids.length) return;
    await tx.delete(taskDigests).where(inArray(taskDigests.personId, ids));
    await tx
      .update(committees)
      .set({ focalPersonId: null, updatedAt: new Date() })
      .where(inArray(committees.focalPersonId, ids));
  },
};
