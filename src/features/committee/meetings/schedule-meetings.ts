/**
 * Schedules one meeting, or every meeting of a cadence (every N days, chosen weekdays, daily)
 * between two dates, at a wall-clock time in the committee's IANA zone, for the whole committee
 * or one working group, each with the same place, link and agenda.
 *
 * @example
 * const { meetings } = await scheduleMeetings(db, { initiativeId, timeZone: 'America/Guatemala', input: { title: 'Comité', kind: 'every_n_days', intervalDays: 15, startsOn: '2018-05-05', endsOn: '2018-10-20', time: '10:00', durationMinutes: 90, weekdays: [], place: 'UNESCO', onlineUrl: null, agenda: [] } });
 */
import { InputError } from '../../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetingAgendaItems, meetings, meetingSeries, workingGroups } from '../schema';
import { MAX_MEETINGS_PER_CADENCE, meetingTimes } from './cadence';
import type { ScheduleInput } from './meeting-input';

export async function scheduleMeetings(
  db: Db,
  o: {
    initiativeId: string;
    timeZone: string;
    input: ScheduleInput;
    sample?: boolean;
    source?: string | null;
  },
) {
  const i = o.input;
  const cadence = {
    kind: i.kind,
    startsOn: i.startsOn,
    endsOn: i.endsOn ?? i.startsOn,
    time: i.time,
    timeZone: o.timeZone,
    intervalDays: i.intervalDays,
    weekdays: i.weekdays,
  };
  const { times } = meetingTimes(cadence);
  if (times.length > MAX_MEETINGS_PER_CADENCE)
    throw new InputError({
      endsOn: { key: 'committee.meeting.tooMany', params: { max: MAX_MEETINGS_PER_CADENCE } },
    });
  if (times.length === 0) throw new InputError({ startsOn: { key: 'committee.meeting.noDates' } });
  return db.transaction(async (tx) => {
    if (i.workingGroupId) {
      const [group] = await tx
        .select({ id: workingGroups.id })
        .from(workingGroups)
        .where(
          and(
            eq(workingGroups.id, i.workingGroupId),
            eq(workingGroups.initiativeId, o.initiativeId),
          ),
        );
      if (!group) throw new InputError({ workingGroupId: { key: 'form.invalid' } });
    }
    const [series] =
      i.kind === 'once'
        ? [undefined]
        : await tx
            .insert(meetingSeries)
            .values({
              initiativeId: o.initiativeId,
              kind: i.kind,
              intervalDays: i.kind === 'every_n_days' ? i.intervalDays : null,
              weekdays: i.kind === 'weekly' ? i.weekdays : null,
              startsOn: cadence.startsOn,
              endsOn: cadence.endsOn,
              time: i.time,
            })
            .returning();
    const rows = await tx
      .insert(meetings)
      .values(
        times.map((startsAt) => ({
          initiativeId: o.initiativeId,
          workingGroupId: i.workingGroupId ?? null,
          seriesId: series?.id ?? null,
          title: i.title,
          startsAt,
          durationMinutes: i.durationMinutes,
          timeZone: o.timeZone,
          place: i.place,
          onlineUrl: i.onlineUrl,
          sample: o.sample ?? false,
          source: o.source ?? null,
        })),
      )
      .returning();
    if (i.agenda.length)
      await tx
        .insert(meetingAgendaItems)
        .values(
          rows.flatMap((m) =>
            i.agenda.map((title, position) => ({ meetingId: m.id, position, title })),
          ),
        );
    return { seriesId: series?.id ?? null, meetings: rows };
  });
}
