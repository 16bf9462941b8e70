import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createLogger } from '../../lib/log';
import { createMailer } from './mailer';
import { outbox } from './schema';
import { sendMail } from './send-mail';

let t: TestApp;
let server: SMTPServer;
let port: number;
const received: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
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

describe('mail over SMTP', () => {
  it('delivers a message in the recipient language with text and HTML, and marks it sent', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Convoca <no-reply@example.org>',
    });
    const result = await sendMail(
      { db: t.db, mailer, log: createLogger('silent') },
      {
        to: 'ana@example.org',
        lang: 'es',
        template: {
          kind: 'verify',
          name: 'Ana',
          url: 'http://localhost:3000/verify-email?token=abc',
        },
      },
    );
    expect(result.status).toBe('sent');
    const raw = received.at(-1)!;
    expect(raw).toMatch(/Subject: Confirma tu correo en Convoca/);
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, result.id));
    expect(row).toMatchObject({ status: 'sent', locale: 'es', to: 'ana@example.org' });
  });

  it('records a failure without throwing when the server cannot be reached', async () => {
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'Convoca <no-reply@example.org>',
    });
    const result = await sendMail(
      { db: t.db, mailer, log: createLogger('silent') },
      {
        to: 'bob@example.org',
        lang: 'en',
        template: { kind: 'reset', name: 'Bob', url: 'http://x/reset' },
      },
    );
    expect(result.status).toBe('failed');
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, result.id));
    expect(row!.error).toBeTruthy();
    expect(row!.subject).toBe('Choose a new password on Convoca');
  });

  it('keeps messages in the outbox when no SMTP server is configured', async () => {
    const result = await sendMail(
      {
        db: t.db,
        mailer: createMailer({ smtpUrl: undefined, from: 'x' }),
        log: createLogger('silent'),
      },
      {
        to: 'carla@example.org',
        lang: 'es',
        template: { kind: 'reset', name: 'Carla', url: 'http://x/r' },
      },
    );
    expect(result.status).toBe('stored');
  });
});
