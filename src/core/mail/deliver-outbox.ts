/**
 * The outbox job: delivers the messages the inline send left behind — 'stored' ones whose
 * process died before sending them (after the grace period) and 'failed' ones whose back-off is
 * over — one at a time, each claimed by an atomic UPDATE … FOR UPDATE SKIP LOCKED, so two
 * processes sharing the database never send the same message. Does nothing without SMTP.
 *
 * @example
 * const { sent, failed } = await deliverOutbox(deps); // { sent: 3, failed: 0 }
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Logger } from '../../lib/log';
import { CLAIM_MS, MAX_ATTEMPTS } from './delivery-policy';
import type { Mailer } from './mailer';
import { recordDelivery } from './record-delivery';
import type { MailAttachment } from './schema';

type Claimed = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  attempts: number;
};

/** Claims the message that has waited longest, if any: holds it for CLAIM_MS and counts a try. */
async function claimNext(db: Db, now: Date): Promise<Claimed | undefined> {
  const until = new Date(now.getTime() + CLAIM_MS);
  const result = (await db.execute(sql`
    update outbox set next_attempt_at = ${until.toISOString()}, attempts = attempts + 1
    where id = (
      select id from outbox
      where status <> 'sent' and next_attempt_at <= ${now.toISOString()} and attempts < ${MAX_ATTEMPTS}
      order by next_attempt_at limit 1
      for update skip locked)
    returning id, "to", subject, text, html, attachments, attempts`)) as unknown as {
    rows: Claimed[];
  };
  return result.rows[0];
}

export async function deliverOutbox(
  deps: { db: Db; mailer: Mailer; log: Logger },
  o: { now?: () => Date; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const counts = { sent: 0, failed: 0 };
  if (deps.mailer.kind !== 'smtp') return counts;
  const now = o.now ?? (() => new Date());
  for (let i = 0; i < (o.limit ?? 500); i++) {
    const m = await claimNext(deps.db, now());
    if (!m) break;
    let error: string | null = null;
    try {
      await deps.mailer.deliver(m);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      deps.log.warn('mail.retry_failed', { id: m.id, attempts: m.attempts, error });
    }
    counts[await recordDelivery(deps.db, { id: m.id, attempts: m.attempts, error, now: now() })]++;
  }
  return counts;
}
