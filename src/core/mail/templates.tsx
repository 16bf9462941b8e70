/**
 * E-mail texts, in the recipient's language, as plain text and HTML.
 *
 * @example
 * const mail = renderMail('en', { kind: 'verify', name: 'Ana', url: 'https://…' });
 * mail.subject; // "Confirm your e-mail on Convoca"
 */
import { translator, type Lang, type MessageKey } from '../../i18n/index';

export type MailTemplate =
  | { kind: 'verify'; name: string; url: string }
  | { kind: 'existing'; name: string; url: string }
  | { kind: 'reset'; name: string; url: string }
  | { kind: 'passwordChanged'; name: string; url: string }
  | { kind: 'programmeChanged'; name: string; url: string; event: string; lines: string[] }
  | {
      kind: 'registration';
      state: RegistrationMailState;
      name: string;
      url: string;
      event: string;
      lines: string[];
      /** Content id of an attached QR code image to show in the HTML. */
      qrCid?: string;
    }
  | {
      kind: 'invitation';
      state: InvitationMailState;
      name: string;
      url: string;
      event: string;
      lines: string[];
    }
  | {
      kind: 'committee';
      state: CommitteeMailState;
      name: string;
      url: string;
      event: string;
      lines: string[];
    }
  | OrganiserMessage;

/** Approved minutes sent to the committee, and the weekly digest of a person's tasks. */
export const committeeMailStates = ['minutes', 'digest'] as const;
export type CommitteeMailState = (typeof committeeMailStates)[number];

/** An organiser's own message to registrants; `body` is their text, kept as written. */
export type OrganiserMessage = {
  kind: 'message';
  name: string;
  url: string;
  event: string;
  subject: string;
  body: string;
};

export const registrationMailStates = [
  'confirmed',
  'pending',
  'waiting',
  'offered',
  'cancelled',
  'changed',
  'declined',
  'expired',
  'reminder',
] as const;
export type RegistrationMailState = (typeof registrationMailStates)[number];

/** A personal invitation, the reminder to answer it, and the thanks for each answer. */
export const invitationMailStates = ['invite', 'reminder', 'accepted', 'declined'] as const;
export type InvitationMailState = (typeof invitationMailStates)[number];

const keys: Record<
  Exclude<MailTemplate['kind'], 'registration' | 'invitation' | 'message' | 'committee'>,
  { subject: MessageKey; body: MessageKey }
> = {
  verify: { subject: 'mail.verify.subject', body: 'mail.verify.body' },
  existing: { subject: 'mail.existing.subject', body: 'mail.existing.body' },
  reset: { subject: 'mail.reset.subject', body: 'mail.reset.body' },
  passwordChanged: { subject: 'mail.passwordChanged.subject', body: 'mail.passwordChanged.body' },
  programmeChanged: {
    subject: 'mail.programmeChanged.subject',
    body: 'mail.programmeChanged.body',
  },
};

export function renderMail(
  lang: Lang,
  m: MailTemplate,
): { subject: string; text: string; html: string } {
  const t = translator(lang);
  const event = 'event' in m ? m.event : '';
  let subject: string;
  let body: string;
  if (m.kind === 'message') {
    subject = m.subject;
    body = `${t('mail.message.greeting', { name: m.name })}\n\n${m.body}`;
  } else {
    const key =
      m.kind === 'registration'
        ? {
            subject: `mail.registration.${m.state}.subject` as const,
            body: `mail.registration.${m.state}.body` as const,
          }
        : m.kind === 'invitation'
          ? {
              subject: `mail.invitation.${m.state}.subject` as const,
              body: `mail.invitation.${m.state}.body` as const,
            }
          : m.kind === 'committee'
            ? {
                subject: `mail.committee.${m.state}.subject` as const,
                body: `mail.committee.${m.state}.body` as const,
              }
            : keys[m.kind];
    subject = t(key.subject, { event });
    body = t(key.body, { name: m.name, event });
  }
  const qrCid = 'qrCid' in m ? m.qrCid : undefined;
  const lines = 'lines' in m ? m.lines : [];
  const footer = t('mail.footer');
  const list = lines.map((l) => `- ${l}\n`).join('');
  const text = `${body}\n\n${list ? `${list}\n` : ''}${m.url}\n\n-- \n${footer}\n`;
  const html = (
    <html lang={lang}>
      <body>
        {body.split(/\n{2,}/).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        {lines.length > 0 && (
          <ul>
            {lines.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        )}
        {qrCid && (
          <p>
            <img src={`cid:${qrCid}`} alt={t('mail.registration.qrAlt')} width="200" height="200" />
          </p>
        )}
        <p>
          <a href={m.url}>{m.url}</a>
        </p>
        <hr />
        <p>
          <small>{footer}</small>
        </p>
      </body>
    </html>
  );
  return { subject, text, html: '<!doctype html>' + html.toString() };
}
