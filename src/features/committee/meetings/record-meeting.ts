/**
 * Records what happened at a meeting: its agenda, who came (people expected at it), the minutes
 * in Markdown (saved as a draft) and the decisions. Approved minutes are final: a later change is
 * refused beside the minutes field.
 *
 * @example
 * await recordMeeting(db, { meeting, input: { agenda: ['Temas'], attended: [ana.id], minutes: '## Acta', decisions: ['Seis temas'] } });
 */
import { InputError } from '../../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetingAgendaItems, meetingAttendance, meetingDecisions, meetings } from '../schema';
import type { RecordInput } from './meeting-input';
import type { MeetingView } from './queries';

export async function recordMeeting(db: Db, o: { meeting: MeetingView; input: RecordInput }) {
  const { meeting, input } = o;
  if (meeting.minutesStatus === 'approved')
    throw new InputError({ minutes: { key: 'committee.minutes.alreadyApproved' } });
  const allowed = new Set(meeting.invitees.map((p) => p.id));
  if (input.attended.some((id) => !allowed.has(id)))
    throw new InputError({ attended: { key: 'form.invalid' } });
  const minutes = input.minutes.trim();
  await db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ minutes: minutes || null, minutesStatus: minutes ? 'draft' : 'none' })
      .where(eq(meetings.id, meeting.id));
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id));
    if (input.agenda.length)
      await tx
        .insert(meetingAgendaItems)
        .values(
          input.agenda.map((title, position) => ({ meetingId: meeting.id, position, title })),
        );
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
    if (input.attended.length)
      await tx
        .insert(meetingAttendance)
        .values(
          [...new Set(input.attended)].map((personId) => ({ meetingId: meeting.id, personId })),
        );
    await tx.delete(meetingDecisions).where(eq(meetingDecisions.meetingId, meeting.id));
    if (input.decisions.length)
      await tx
        .insert(meetingDecisions)
        .values(input.decisions.map((text) => ({ meetingId: meeting.id, text })));
  });
}
