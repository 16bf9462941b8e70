/**
 * Renders a message in the recipient's language, keeps it in the outbox and delivers it over
 * SMTP when configured. A delivery failure is recorded and logged, never thrown at the user; the
 * outbox job (`deliverOutbox`) retries it, and delivers a message whose process died before
 * sending it, once the grace period is over.
 *
 * @example
 * await sendMail(deps, { to: 'ana@example.org', lang: 'es', template: { kind: 'verify', name: 'Ana', url } });
 */
import type { Db } from '../../db/client';
import type { Lang } from '../../i18n/index';
import type { Logger } from '../../lib/log';
import { GRACE_MS } from './delivery-policy';
import type { Mailer } from './mailer';
import { recordDelivery } from './record-delivery';
import { outbox, type MailAttachment } from './schema';
import { renderMail, type MailTemplate } from './templates';

export async function sendMail(
  deps: { db: Db; mailer: Mailer; log: Logger },
  o: { to: string; lang: Lang; template: MailTemplate; attachments?: MailAttachment[] },
): Promise<{ id: string; status: 'stored' | 'sent' | 'failed' }> {
  const mail = { to: o.to, ...renderMail(o.lang, o.template), attachments: o.attachments ?? [] };
  const smtp = deps.mailer.kind === 'smtp';
  // With SMTP this is the first try: the job leaves the message alone for the grace period.
  const [row] = await deps.db
    .insert(outbox)
    .values({
      ...mail,
      locale: o.lang,
      status: 'stored',
      attempts: smtp ? 1 : 0,
      nextAttemptAt: smtp ? new Date(Date.now() + GRACE_MS) : null,
    })
    .returning({ id: outbox.id });
  const id = row!.id;
  if (!smtp) return { id, status: 'stored' };
  let error: string | null = null;
  try {
    await deps.mailer.deliver({ id, ...mail });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    deps.log.error('mail.failed', { id, error });
  }
  return { id, status: await recordDelivery(deps.db, { id, attempts: 1, error }) };
}
