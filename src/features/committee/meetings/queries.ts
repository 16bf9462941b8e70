/**
 * Reading meetings: an initiative's list (upcoming or past), one meeting with its agenda,
 * attendance, decisions, action items and the people who may attend.
 *
 * @example
 * const list = await listMeetings(db, { initiativeId, when: 'upcoming', now: new Date() });
 * const m = await loadMeeting(db, { initiativeId, meetingId });
 */
import { isUuid } from '../../../lib/uuid';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { people } from '../../network/schema';
import {
  committeeMembers,
  committeeRepresentatives,
  meetingAgendaItems,
  meetingAttendance,
  meetingDecisions,
  meetings,
  workingGroupMembers,
  workingGroups,
} from '../schema';

export async function listMeetings(
  db: Db,
  o: { initiativeId: string; when?: 'upcoming' | 'past' | 'all'; now?: Date; limit?: number },
) {
  const now = o.now ?? new Date();
  const when = o.when ?? 'all';
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      timeZone: meetings.timeZone,
      place: meetings.place,
      onlineUrl: meetings.onlineUrl,
      cancelled: meetings.cancelled,
      minutesStatus: meetings.minutesStatus,
      sample: meetings.sample,
      seriesId: meetings.seriesId,
      workingGroupId: meetings.workingGroupId,
      group: workingGroups.name,
    })
    .from(meetings)
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(
      and(
        eq(meetings.initiativeId, o.initiativeId),
        when === 'upcoming'
          ? gte(meetings.startsAt, new Date(now.getTime() - 3_600_000))
          : undefined,
        when === 'past' ? lt(meetings.startsAt, now) : undefined,
      ),
    )
    .orderBy(when === 'past' ? desc(meetings.startsAt) : asc(meetings.startsAt))
    .limit(o.limit ?? 500);
  return rows;
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

/** The people expected at a meeting: the working group's members, or every representative. */
export function expectedPeople(db: Db, o: { initiativeId: string; workingGroupId: string | null }) {
  const ids = o.workingGroupId
    ? sql`(select person_id from ${workingGroupMembers} where group_id = ${o.workingGroupId})`
    : sql`(select r.person_id from ${committeeRepresentatives} r join ${committeeMembers} m
        on m.id = r.member_id where m.initiative_id = ${o.initiativeId})`;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(sql`${people.id} in ${ids}`)
    .orderBy(asc(people.nameKey));
}

export async function loadMeeting(db: Db, o: { initiativeId: string; meetingId: string }) {
  if (!isUuid(o.meetingId)) return undefined;
  const [row] = await db
    .select({ m: meetings, group: workingGroups.name })
    .from(meetings)
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(and(eq(meetings.id, o.meetingId), eq(meetings.initiativeId, o.initiativeId)));
  if (!row) return undefined;
  const [agenda, attended, decisions, expected] = await Promise.all([
    db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, row.m.id))
      .orderBy(asc(meetingAgendaItems.position)),
    db
      .select({ id: people.id, name: people.name })
      .from(meetingAttendance)
      .innerJoin(people, eq(people.id, meetingAttendance.personId))
      .where(eq(meetingAttendance.meetingId, row.m.id))
      .orderBy(asc(people.nameKey)),
    db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, row.m.id))
      .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id)),
    expectedPeople(db, { initiativeId: o.initiativeId, workingGroupId: row.m.workingGroupId }),
  ]);
  const known = new Set(expected.map((p) => p.id));
  return {
    ...row.m,
    group: row.group,
    agenda,
    attended,
    decisions,
    /** Everyone who could be ticked present: expected people and anyone recorded already. */
    invitees: [...expected, ...attended.filter((p) => !known.has(p.id))],
  };
}
export type MeetingView = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

/** Whether every id is someone who may be recorded at this meeting. */
export async function countPeople(db: Db, ids: string[]) {
  if (ids.length === 0) return 0;
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return rows.length;
}
