/**
 * E-mails a volunteer their shifts for an event, in the volunteer's language, with times in the
 * event's zone (named) and a link to their page. Refused beside the e-mail when there is none.
 *
 * @example
 * await sendShiftsMail(deps, { volunteerId, event });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { translator, type Lang, type Translate } from '../../i18n/index';
import { formatDay, formatTime } from '../../lib/format';
import { sendMail } from '../../core/mail/send-mail';
import type { ProgrammeEvent } from '../programme/schema';
import { shiftsOf, type RosterShift } from './list-roster';
import { eventVolunteers } from './schema';

/** One shift as a line of text: day, times, zone, task and where. */
export function shiftLine(t: Translate, lang: Lang, zone: string, s: RosterShift): string {
  const place = [
    s.sessionId
      ? lang === 'en'
        ? (s.sessionTitleEn ?? s.sessionTitleEs)
        : s.sessionTitleEs
      : null,
    s.room,
    s.route,
    s.note,
  ].filter(Boolean);
  return [
    `${formatDay(s.startsAt, lang, zone)}, ${formatTime(s.startsAt, lang, zone)}–${formatTime(s.endsAt, lang, zone)} (${zone})`,
    t(`eventDay.task.${s.task}`),
    ...place,
  ].join(' · ');
}

export async function sendShiftsMail(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env'>,
  o: { volunteerId: string; event: ProgrammeEvent },
) {
  const [v] = await deps.db
    .select()
    .from(eventVolunteers)
    .where(eq(eventVolunteers.id, o.volunteerId));
  if (!v || v.eventId !== o.event.id)
    throw new InputError({ volunteer: { key: 'eventDay.volunteer.unknown' } });
  if (!v.email) throw new InputError({ email: { key: 'eventDay.mail.noEmail' } });
  const lang: Lang = v.lang;
  const t = translator(lang);
  const shifts = await shiftsOf(deps.db, [v.id]);
  const event = lang === 'en' ? (o.event.titleEn ?? o.event.titleEs) : o.event.titleEs;
  const lines = shifts.map((s) => `- ${shiftLine(t, lang, o.event.timeZone, s)}`);
  const body = [
    t('eventDay.mail.body', { event, count: shifts.length }),
    lines.length ? lines.join('\n') : t('eventDay.mail.none'),
    t('eventDay.mail.page'),
  ].join('\n\n');
  return sendMail(deps, {
    to: v.email,
    lang,
    template: {
      kind: 'message',
      name: v.name,
      event,
      subject: t('eventDay.mail.subject', { event }),
      body,
      url: `${deps.env.publicUrl}/my/volunteering?lang=${lang}`,
    },
  });
}
