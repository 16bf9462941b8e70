import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../tests/support/agent';
import { apiCall } from '../../tests/support/api-call';
import { buildInitiative, buildMember } from '../../tests/support/factories';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { createApp } from '../app';
import { users } from '../core/accounts/schema';
import { createLogger } from '../lib/log';
import { access } from './access';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('NUL and control characters at the input boundary', () => {
  it('answers a search for a%00b anonymously without reaching the database with it', async () => {
    const res = await t.app.request('/institutions?q=a%00b%01c');
    expect(res.status).toBe(200);
  });

  it('strips them from form fields, keeping tabs and line breaks out of harm', async () => {
    const agent = createAgent(t);
    const email = `nul-${Date.now()}@example.org`;
    const res = await agent.post('/sign-up', {
      name: 'Ana\u0000 Ló\u0007pez',
      email,
      password: 'una contraseña larga y buena',
    });
    expect(res.status).toBe(200);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user?.name).toBe('Ana López');
  });

  it('strips them from JSON bodies sent to the API', async () => {
    const initiative = await buildInitiative(t.db);
    const organiser = await buildMember(t.db, { initiative, role: 'organiser' });
    const slug = `nul-${initiative.slug}`.slice(0, 60);
    const res = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `/api/v1/initiatives/${initiative.slug}/editions`,
      'POST',
      { name: 'IGF\u0000 2019\u0001', slug, year: 2019 },
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe('IGF 2019');
  });

  it('refuses a path holding one', async () => {
    const res = await t.app.request('/e/igf%00guatemala-2018');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('No pudimos leer el envío');
  });
});

describe('the error log', () => {
  it('never prints a failed query’s parameters or the values it quotes', async () => {
    const lines: string[] = [];
    const app = createApp({ ...t.deps, log: createLogger('debug', (l) => lines.push(l)) });
    app.get('/test-only/failing-query', access.anyone(), async (c) => {
      await c.var.deps.db.execute(sql`select ${'ana.lopez@example.org'}::int as n`);
      return c.text('unreachable');
    });
    const res = await app.request('/test-only/failing-query?email=ana.lopez%40example.org');
    expect(res.status).toBe(500);
    const logged = lines.join('\n');
    expect(logged).toContain('request.failed');
    expect(logged).toContain('22P02');
    expect(logged).not.toContain('ana.lopez');
    expect(logged).not.toContain('email=');
  });
});

describe('framework refusals are the caller’s, not a server error', () => {
  it('answers 413 to a 20 MB form, in the reader’s language', async () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    const res = await t.app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: `email=${big}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('What was sent is too large');
  });

  it('answers 400 to malformed JSON under /api, as JSON', async () => {
    const res = await t.app.request('/api/v1/me', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{"broken": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('mal formados');
  });

  it('answers 415 to a body in a format no route takes', async () => {
    const res = await t.app.request('/api/v1/me', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'accept-language': 'en' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_type');
  });

  it('answers 400 to a broken multipart body', async () => {
    const agent = createAgent(t);
    await agent.get('/');
    const res = await agent.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\nno end',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('No pudimos leer el envío');
  });
});
