/**
 * Runs Convoca for the browser journeys on an in-memory database, and beside it a small control
 * server (another loopback port, not part of the product) that fixtures use to create and delete
 * users, give them roles and read the outbox.
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { and, desc, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../../src/db/client';
import { parseEnv } from '../../../src/env';
import { createUser } from '../../../src/features/accounts/create-user';
import { users } from '../../../src/features/accounts/schema';
import { addMember, findInitiativeBySlug } from '../../../src/features/initiatives/queries';
import type { MemberRole } from '../../../src/features/initiatives/schema';
import { outbox } from '../../../src/features/mail/schema';
import { prepare } from '../../../src/start';
import { E2E } from './constants';

const env = parseEnv({
  NODE_ENV: 'test',
  PORT: String(E2E.port),
  HOST: '127.0.0.1',
  PUBLIC_URL: E2E.baseUrl,
  CONVOCA_ADMIN_EMAIL: E2E.admin.email,
  CONVOCA_ADMIN_PASSWORD: E2E.admin.password,
  CONVOCA_DEMO: '1',
  LOG_LEVEL: 'warn',
});
const database = await openDatabase({ dataDir: 'memory://' });
const { app, deps } = await prepare(env, database);
serve({ fetch: app.fetch, port: env.port, hostname: env.host });

const db = deps.db;
const control = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${E2E.controlPort}`);
  let body = '';
  for await (const chunk of req) body += chunk;
  const input = body ? (JSON.parse(body) as Record<string, string>) : {};
  const reply = (status: number, data: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(data));
  };
  try {
    if (req.method === 'POST' && url.pathname === '/users') {
      const user = await createUser(db, {
        email: input.email!,
        name: input.name!,
        password: input.password!,
        verified: true,
      });
      return reply(201, { id: user.id });
    }
    if (req.method === 'DELETE' && url.pathname === '/users') {
      await db
        .delete(users)
        .where(eq(sql`lower(${users.email})`, (url.searchParams.get('email') ?? '').toLowerCase()));
      return reply(200, {});
    }
    if (req.method === 'POST' && url.pathname === '/memberships') {
      const initiative = await findInitiativeBySlug(db, input.slug!);
      const [user] = await db
        .select()
        .from(users)
        .where(eq(users.email, input.email!.toLowerCase()));
      if (!initiative || !user) return reply(404, {});
      await addMember(db, {
        initiativeId: initiative.id,
        userId: user.id,
        role: input.role as MemberRole,
        expiresAt: null,
      });
      return reply(201, {});
    }
    if (req.method === 'GET' && url.pathname === '/outbox') {
      const [message] = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.to, (url.searchParams.get('to') ?? '').toLowerCase())))
        .orderBy(desc(outbox.createdAt))
        .limit(1);
      return reply(message ? 200 : 404, message ?? {});
    }
    reply(404, {});
  } catch (error) {
    reply(500, { error: String(error) });
  }
});
control.listen(E2E.controlPort, '127.0.0.1');
