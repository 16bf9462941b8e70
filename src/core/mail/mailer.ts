/**
 * Delivery over SMTP with nodemailer, or none (messages then stay in the outbox table). Every
 * message carries a Message-ID derived from its outbox id, so a message delivered twice (a crash
 * after the SMTP server took it, before the outbox recorded it) is recognisable as one.
 *
 * @example
 * const mailer = createMailer({ smtpUrl: 'smtp://localhost:2525', from: 'Convoca <a@b.org>' });
 * await mailer.deliver({ id: row.id, to, subject, text, html });
 */
import nodemailer from 'nodemailer';

import type { MailAttachment } from './schema';

export type OutgoingMail = {
  /** The outbox id: the Message-ID is derived from it. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
};
export type Mailer = { kind: 'smtp' | 'outbox'; deliver(mail: OutgoingMail): Promise<void> };

/**
 * Longest an SMTP exchange may take (connect, greeting, each socket wait): the outbox job's grace
 * period and claims are longer, so it never retries a message that is still being delivered.
 */
export const SMTP_TIMEOUT_MS = 20_000;

/**
 * The stable Message-ID of an outbox message: `<outbox-id@domain of the sender>`.
 *
 * @example
 * messageIdFor('0b6f…', 'Convoca <no-reply@example.org>'); // '<0b6f…@example.org>'
 */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'convoca.localhost';
  return `<${id}@${domain}>`;
}

export function createMailer(o: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!o.smtpUrl) return { kind: 'outbox', deliver: async () => {} };
  const transport = nodemailer.createTransport({
    url: o.smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    kind: 'smtp',
    async deliver({ id, ...mail }) {
      await transport.sendMail({
        from: o.from,
        messageId: messageIdFor(id, o.from),
        ...mail,
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
          cid: a.cid,
        })),
      });
    },
  };
}
