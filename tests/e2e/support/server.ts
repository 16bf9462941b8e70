/**
 * Runs Convoca for the browser journeys on an in-memory database (Playwright's `webServer`), and
 * beside it a small fixture-control server on another loopback port. The control server is test
 * tooling, not part of the product: fixtures use it to create and delete users, give them roles
 * and read the newest e-mail sent to an address.
 *
 * Control API (JSON bodies):
 *   GET    /ready?run=      the app's /healthz answer, when `run` is this run's E2E_RUN_ID;
 *                           404 otherwise (Playwright's readiness URL)
 *   POST   /users           {email, name, password}  -> 201 {id}   a verified account
 *   DELETE /users?email=                             -> 200
 *   POST   /memberships     {email, slug, role}      -> 201
 *   GET    /outbox?to=                               -> 200 {subject, text, locale} | 404
 *   POST   /checkin-event  {slug, n, volunteers}    -> 201 {edition, eventId, routeId, people}
 *                           an edition with an event tomorrow, open for registration, n
 *                           confirmed registrants on one bus, and the accounts with these
 *                           e-mails on its volunteer roster with access (the check-in journeys)
 *   POST   /event-day-event {slug}                 -> 201 {edition, eventId, sessionId, day}
 *                           a forum next year with a 120-seat room, a panel and three
 *                           confirmed registrants (the event-day journey)
 *   POST   /personal-footprint {email}            -> 201 {edition}
 *                           that account's data in every feature: a registration, an
 *                           invitation, a roster place, a check-in, a public topic proposal,
 *                           a task comment and a calendar link (the my-data journey)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../../../src/db/client';
import { parseEnv } from '../../../src/env';
import { createUser } from '../../../src/core/accounts/create-user';
import { users } from '../../../src/core/accounts/schema';
import { addMember, findInitiativeBySlug } from '../../../src/core/initiatives/queries';
import type { MemberRole } from '../../../src/core/initiatives/schema';
import { outbox } from '../../../src/core/mail/schema';
import { prepare } from '../../../src/start';
import { buildEdition } from '../../support/programme-factories';
import { eventWithRegistrants, giveDeskAccess } from '../../support/checkin-factories';
import { eventDayEvent } from '../../support/event-day-factories';
import { personWithFootprint } from '../../support/privacy-factories';
import { E2E } from './constants';

// Nothing should be written to disk (the database lives in memory), but if anything ever is,
// it lands in a folder of its own that is removed on exit — never in the project's ./data.
const dataDir = mkdtempSync(join(tmpdir(), 'convoca-e2e-'));

const env = parseEnv({
  NODE_ENV: 'test',
  PORT: String(E2E.port),
  HOST: '127.0.0.1',
  PUBLIC_URL: E2E.baseUrl,
  CONVOCA_DATA_DIR: dataDir,
  CONVOCA_ADMIN_EMAIL: E2E.admin.email,
  CONVOCA_ADMIN_PASSWORD: E2E.admin.password,
  CONVOCA_DEMO: '1',
  LOG_LEVEL: 'warn',
});
const database = await openDatabase({ dataDir: 'memory://' });
const { app, deps } = await prepare(env, database);
const db = deps.db;

function failOnPortInUse(what: string, port: number) {
  return (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      error.code === 'EADDRINUSE'
        ? `e2e ${what}: port ${port} is in use — is another journey run going? (set E2E_PORT to run beside it)\n`
        : `e2e ${what}: ${String(error)}\n`,
    );
    process.exit(1);
  };
}

const web = serve({ fetch: app.fetch, port: env.port, hostname: env.host });
web.on('error', failOnPortInUse('app server', env.port));

const newUser = z.object({
  email: z.email(),
  name: z.string().min(1),
  password: z.string().min(10),
});
const newMember = z.object({
  email: z.email(),
  slug: z.string().min(1),
  role: z.string().min(1),
});
const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
}

const control = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', E2E.controlUrl);
  const reply = (status: number, data: unknown = {}) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(data));
  };
  const route = `${req.method} ${url.pathname}`;
  try {
    if (route === 'GET /ready') {
      const mine = E2E.runId !== '' && url.searchParams.get('run') === E2E.runId;
      if (!mine) return reply(404, { error: 'another run' });
      const health = await fetch(`${E2E.baseUrl}/healthz`);
      return reply(health.status, await health.json());
    }
    if (route === 'POST /users') {
      const input = newUser.parse(await readJson(req));
      const user = await createUser(db, { ...input, verified: true });
      return reply(201, { id: user.id });
    }
    if (route === 'DELETE /users') {
      await db.delete(users).where(byEmail(url.searchParams.get('email') ?? ''));
      return reply(200);
    }
    if (route === 'POST /memberships') {
      const input = newMember.parse(await readJson(req));
      const initiative = await findInitiativeBySlug(db, input.slug);
      const [user] = await db.select().from(users).where(byEmail(input.email));
      if (!initiative || !user) return reply(404, { error: 'no such initiative or user' });
      await addMember(db, {
        initiativeId: initiative.id,
        userId: user.id,
        role: input.role as MemberRole,
        expiresAt: null,
      });
      return reply(201);
    }
    if (route === 'GET /outbox') {
      const to = (url.searchParams.get('to') ?? '').trim().toLowerCase();
      const [message] = await db
        .select({ subject: outbox.subject, text: outbox.text, locale: outbox.locale })
        .from(outbox)
        .where(eq(sql`lower(${outbox.to})`, to))
        .orderBy(desc(outbox.createdAt))
        .limit(1);
      return message ? reply(200, message) : reply(404, { error: `no mail to ${to}` });
    }
    if (route === 'POST /checkin-event') {
      const input = z
        .object({
          slug: z.string().min(1),
          n: z.number().int().min(1).max(50),
          volunteers: z.array(z.email()).default([]),
        })
        .parse(await readJson(req));
      const initiative = await findInitiativeBySlug(db, input.slug);
      if (!initiative) return reply(404, { error: 'no such initiative' });
      const edition = await buildEdition(db, { initiative });
      const built = await eventWithRegistrants(db, {
        edition,
        secret: deps.secret,
        n: input.n,
        bus: true,
      });
      for (const email of input.volunteers) {
        const [user] = await db.select().from(users).where(byEmail(email));
        if (!user) return reply(404, { error: `no user ${email}` });
        await giveDeskAccess(db, { eventId: built.event.id, initiativeId: initiative.id, user });
      }
      return reply(201, {
        edition: edition.slug,
        eventId: built.event.id,
        routeId: built.routeId,
        people: built.people.map((p) => ({ id: p.id, name: p.name, ticketCode: p.ticketCode })),
      });
    }
    if (route === 'POST /event-day-event') {
      const input = z.object({ slug: z.string().min(1) }).parse(await readJson(req));
      const initiative = await findInitiativeBySlug(db, input.slug);
      if (!initiative) return reply(404, { error: 'no such initiative' });
      const built = await eventDayEvent(db, { initiative });
      return reply(201, {
        edition: built.edition.slug,
        eventId: built.event.id,
        sessionId: built.sessionId,
        day: built.day,
      });
    }
    if (route === 'POST /personal-footprint') {
      const input = z.object({ email: z.email() }).parse(await readJson(req));
      const [user] = await db.select().from(users).where(byEmail(input.email));
      if (!user) return reply(404, { error: `no user ${input.email}` });
      const built = await personWithFootprint(deps, { user });
      return reply(201, { edition: built.edition.slug });
    }
    reply(404, { error: `unknown control route ${route}` });
  } catch (error) {
    reply(500, { error: String(error) });
  }
});
control.on('error', failOnPortInUse('control server', E2E.controlPort));
// Ready (and so reachable at /ready) only once the app itself is listening.
web.once('listening', () => control.listen(E2E.controlPort, '127.0.0.1'));

function shutdown() {
  control.close();
  web.close();
  rmSync(dataDir, { recursive: true, force: true });
  void database.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
