/**
 * Renders a message in the recipient's language, keeps it in the outbox and delivers it over
 * SMTP when configured. A delivery failure is recorded and logged, never thrown at the user.
 *
 * @example
 * await sendMail(deps, { to: 'ana@example.org', lang: 'es', template: { kind: 'verify', name: 'Ana', url } });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Lang } from '../../i18n/index';
import type { Logger } from '../../lib/log';
import type { Mailer } from './mailer';
import { outbox, type MailAttachment } from './schema';
import { renderMail, type MailTemplate } from './templates';

export async function sendMail(
  deps: { db: Db; mailer: Mailer; log: Logger },
  o: { to: string; lang: Lang; template: MailTemplate; attachments?: MailAttachment[] },
): Promise<{ id: string; status: 'stored' | 'sent' | 'failed' }> {
  const mail = { to: o.to, ...renderMail(o.lang, o.template), attachments: o.attachments ?? [] };
  const [row] = await deps.db
    .insert(outbox)
    .values({ ...mail, locale: o.lang, status: 'stored' })
    .returning({ id: outbox.id });
  const id = row!.id;
  if (deps.mailer.kind === 'outbox') return { id, status: 'stored' };
  try {
    await deps.mailer.deliver(mail);
    await deps.db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date() })
      .where(eq(outbox.id, id));
    return { id, status: 'sent' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error('mail.failed', { id, error: message });
    await deps.db
      .update(outbox)
      .set({ status: 'failed', error: message.slice(0, 500) })
      .where(eq(outbox.id, id));
    return { id, status: 'failed' };
  }
}
