/**
 * Delivery over SMTP with nodemailer, or none (messages then stay in the outbox table).
 *
 * @example
 * const mailer = createMailer({ smtpUrl: 'smtp://localhost:2525', from: 'Convoca <a@b.org>' });
 */
import nodemailer from 'nodemailer';

import type { MailAttachment } from './schema';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
};
export type Mailer = { kind: 'smtp' | 'outbox'; deliver(mail: OutgoingMail): Promise<void> };

export function createMailer(o: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!o.smtpUrl) return { kind: 'outbox', deliver: async () => {} };
  const transport = nodemailer.createTransport(o.smtpUrl);
  return {
    kind: 'smtp',
    async deliver(mail) {
      await transport.sendMail({
        from: o.from,
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
