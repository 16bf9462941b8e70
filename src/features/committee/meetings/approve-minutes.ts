/**
 * Approves a meeting's minutes (once: the row is claimed with a conditional UPDATE, so a double
 * click or two processes approve and send only once) and e-mails them, with the decisions, to
 * every committee representative and working-group member who has an e-mail, each in their
 * language.
 *
 * @example
 * const { sent } = await approveMinutes(deps, { meeting, userId, url: 'https://…/meetings/…' });
 */
import { InputError } from '../../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { formatDateTime } from '../../../lib/format';
import { sendMail } from '../../../core/mail/send-mail';
import { committeeRecipients, mailLang } from '../queries';
import { meetings } from '../schema';
import type { MeetingView } from './queries';

export async function approveMinutes(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'log'>,
  o: { meeting: MeetingView; userId: string | null; url: string; now?: Date },
): Promise<{ sent: number }> {
  const { meeting } = o;
  if (!meeting.minutes?.trim())
    throw new InputError({ minutes: { key: 'committee.minutes.empty' } });
  const claimed = await deps.db
    .update(meetings)
    .set({
      minutesStatus: 'approved',
      minutesApprovedAt: o.now ?? new Date(),
      minutesApprovedBy: o.userId,
    })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.minutesStatus, 'draft')))
    .returning({ id: meetings.id });
  if (claimed.length === 0)
    throw new InputError({ minutes: { key: 'committee.minutes.alreadyApproved' } });
  const recipients = await committeeRecipients(deps.db, meeting.initiativeId);
  for (const r of recipients) {
    const lang = mailLang(r.languages);
    const t = translator(lang);
    const when = formatDateTime(meeting.startsAt, lang, meeting.timeZone);
    await sendMail(deps, {
      to: r.email,
      lang,
      template: {
        kind: 'committee',
        state: 'minutes',
        name: r.name,
        event: `${meeting.title} (${when})`,
        url: o.url,
        lines: [
          ...meeting.decisions.map((d) => t('committee.mail.decision', { text: d.text })),
          ...meeting.minutes
            .split(/\n{2,}/)
            .map((p) => p.trim())
            .filter(Boolean),
        ],
      },
    });
  }
  return { sent: recipients.length };
}
