/**
 * Writes to an invitee in the invitation's language: the invitation itself, a reminder, or the
 * thanks for accepting or declining. Every message says when and where, and carries the private
 * link to answer or change the answer. Demo rows and invitees without an e-mail get nothing.
 *
 * @example
 * await sendInvitationMail(deps, { invitationId, state: 'invite' });
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../http/types';
import { translator, type Lang } from '../../../i18n/index';
import { formatDateTime, formatDay } from '../../../lib/format';
import { sendMail } from '../../../core/mail/send-mail';
import type { InvitationMailState } from '../../../core/mail/templates';
import { events, venues } from '../../programme/schema';
import { invitations } from '../schema';
import { invitationPath, invitationToken } from './invitation-token';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

export async function sendInvitationMail(
  deps: Deps,
  o: { invitationId: string; state: InvitationMailState },
): Promise<{ sent: boolean }> {
  const [row] = await deps.db
    .select({ invitation: invitations, event: events, venue: venues })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(invitations.id, o.invitationId));
  const to = row?.invitation.email;
  if (!row || !to || row.invitation.sample) return { sent: false };
  const { invitation: inv, event, venue } = row;
  const lang: Lang = inv.lang === 'en' ? 'en' : 'es';
  const t = translator(lang);
  const when = event.timesKnown
    ? formatDateTime(event.startsAt, lang, event.timeZone)
    : formatDay(event.startsAt, lang, event.timeZone);
  const lines = [
    `${t('registration.mail.when')}: ${when}`,
    ...(venue
      ? [
          `${t('registration.mail.where')}: ${[venue.name, venue.address].filter(Boolean).join(', ')}`,
        ]
      : []),
    ...(inv.representing ? [`${t('invitation.representing')}: ${inv.representing}`] : []),
  ];
  await sendMail(deps, {
    to,
    lang,
    template: {
      kind: 'invitation',
      state: o.state,
      name: inv.name,
      event: lang === 'en' ? (event.titleEn ?? event.titleEs) : event.titleEs,
      url: `${deps.env.publicUrl}${invitationPath(invitationToken(deps.secret, inv.id))}`,
      lines,
    },
  });
  return { sent: true };
}
