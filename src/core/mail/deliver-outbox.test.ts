import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { openDatabase, type Database } from '../../db/client';
import { createLogger } from '../../lib/log';
import { deliverOutbox } from './deliver-outbox';
import { CLAIM_MS, GRACE_MS, MAX_ATTEMPTS } from './delivery-policy';
import { createMailer, messageIdFor } from './mailer';
import { outbox } from './schema';
import { sendMail } from './send-mail';

const FROM = 'Convoca <no-reply@example.org>';
const log = createLogger('silent');
let t: TestApp;
let server: SMTPServer;
let port: number;
/** Message-IDs the sink received, in order. */
let received: string[] = [];
/** While true the sink refuses every message (a mail server having a bad day). */
let refusing = false;

beforeAll(async () => {
  t = await createTestApp();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing) return callback(new Error('451 try again later'));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push(/^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? '');
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});
beforeEach(async () => {
  received = [];
  refusing = false;
  await t.db.delete(outbox);
});

const mailer = () => createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
const later = (ms: number) => () => new Date(Date.now() + ms);
const message = (to: string) => ({
  to,
  lang: 'en' as const,
  template: { kind: 'reset' as const, name: 'Ana', url: 'http://x/reset' },
});

/** A message stored with SMTP configured by a process that died before delivering it. */
async function storedByCrashedProcess(to: string) {
  const [row] = await t.db
    .insert(outbox)
    .values({
      to,
      locale: 'en',
      subject: 'Crash',
      text: 'text',
      html: '<p>html</p>',
      status: 'stored',
      attempts: 1,
      nextAttemptAt: new Date(Date.now() + GRACE_MS),
    })
    .returning();
  return row!;
}

describe('the outbox job', () => {
  it('gives every message a Message-ID derived from its outbox id', async () => {
    const { id, status } = await sendMail({ db: t.db, mailer: mailer(), log }, message('a@x.org'));
    expect(status).toBe('sent');
    expect(received).toEqual([messageIdFor(id, FROM)]);
    expect(messageIdFor(id, FROM)).toBe(`<${id}@example.org>`);
    // Sent messages are never sent again.
    expect(
      await deliverOutbox({ db: t.db, mailer: mailer(), log }, { now: later(GRACE_MS * 10) }),
    ).toEqual({ sent: 0, failed: 0 });
  });

  it('delivers a message left stored by a crash once the grace period is over, not before', async () => {
    const row = await storedByCrashedProcess('crash@x.org');
    const deps = { db: t.db, mailer: mailer(), log };
    expect(await deliverOutbox(deps)).toEqual({ sent: 0, failed: 0 });
    expect(await deliverOutbox(deps, { now: later(GRACE_MS + 1000) })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(received).toEqual([messageIdFor(row.id, FROM)]);
    const [after] = await t.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 2, nextAttemptAt: null });
  });

  it('retries a failed message with a growing back-off, and gives up after the maximum', async () => {
    refusing = true;
    const deps = { db: t.db, mailer: mailer(), log };
    const { id, status } = await sendMail(deps, message('retry@x.org'));
    expect(status).toBe('failed');
    const row = async () => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
    const first = await row();
    expect(first.attempts).toBe(1);
    const wait1 = first.nextAttemptAt!.getTime() - Date.now();
    expect(wait1).toBeGreaterThan(30_000);
    // Not before its time.
    expect(await deliverOutbox(deps)).toEqual({ sent: 0, failed: 0 });
    // Still refused at its time: a longer wait.
    const at = (m: { nextAttemptAt: Date | null }) => () =>
      new Date(m.nextAttemptAt!.getTime() + 1);
    expect(await deliverOutbox(deps, { now: at(first) })).toEqual({ sent: 0, failed: 1 });
    const second = await row();
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt!.getTime() - first.nextAttemptAt!.getTime()).toBeGreaterThan(
      wait1 * 2,
    );
    // Accepted at the next try.
    refusing = false;
    expect(await deliverOutbox(deps, { now: at(second) })).toEqual({ sent: 1, failed: 0 });
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(received).toEqual([messageIdFor(id, FROM)]);

    // A message refused every time is tried MAX_ATTEMPTS times in all, then left 'failed'.
    refusing = true;
    const gone = await sendMail(deps, message('never@x.org'));
    const year = 365 * 24 * 3_600_000;
    for (let i = 1; i <= MAX_ATTEMPTS + 2; i++) await deliverOutbox(deps, { now: later(i * year) });
    const [last] = await t.db.select().from(outbox).where(eq(outbox.id, gone.id));
    expect(last).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(last!.error).toContain('try again later');
  });

  it('never sends a message twice when two processes run the job at once', async () => {
    const rows = [];
    for (let i = 0; i < 12; i++) rows.push(await storedByCrashedProcess(`many${i}@x.org`));
    // On PostgreSQL the second process is a second connection pool; on PGlite the same database.
    const url = (t.deps.database as Database & { url?: string }).url;
    const other = url ? await openDatabase({ url }) : t.deps.database;
    const now = later(GRACE_MS + 1000);
    const results = await Promise.all([
      deliverOutbox({ db: t.db, mailer: mailer(), log }, { now }),
      deliverOutbox({ db: other.db, mailer: mailer(), log }, { now }),
      deliverOutbox({ db: t.db, mailer: mailer(), log }, { now }),
    ]);
    if (other !== t.deps.database) await other.close();
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(12);
    expect(received.slice().sort()).toEqual(rows.map((r) => messageIdFor(r.id, FROM)).sort());
    // A claimed message is held: the job does not take it again during the claim.
    expect(CLAIM_MS).toBeGreaterThanOrEqual(GRACE_MS);
  });

  it('does nothing without SMTP: messages stay in the outbox for administrators', async () => {
    const deps = { db: t.db, mailer: createMailer({ smtpUrl: undefined, from: FROM }), log };
    await sendMail(deps, message('kept@x.org'));
    expect(await deliverOutbox(deps, { now: later(GRACE_MS * 100) })).toEqual({
      sent: 0,
      failed: 0,
    });
    // Nor later, once SMTP is configured: they were never meant to be sent.
    expect(
      await deliverOutbox({ db: t.db, mailer: mailer(), log }, { now: later(GRACE_MS * 100) }),
    ).toEqual({ sent: 0, failed: 0 });
    expect(received).toEqual([]);
  });
});
