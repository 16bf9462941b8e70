import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../tests/support/agent';
import { buildUser, PASSWORD } from '../../tests/support/factories';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { createApp } from '../app';
import { authenticate } from '../core/accounts/authenticate';
import { auditLog } from '../core/audit/schema';
import { ACCESS } from './access';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('every route declares who may use it', () => {
  it('has an access rule first in each handler chain', () => {
    const app = createApp(t.deps);
    const byRoute = new Map<string, { tagged: boolean }>();
    for (const r of app.routes) {
      if (r.method === 'ALL') continue;
      const key = `${r.method} ${r.path}`;
      const entry = byRoute.get(key) ?? { tagged: false };
      if (ACCESS in (r.handler as object)) entry.tagged = true;
      byRoute.set(key, entry);
    }
    const missing = [...byRoute].filter(([, v]) => !v.tagged).map(([k]) => k);
    expect(byRoute.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

describe('CSRF', () => {
  const posts = [
    '/sign-in',
    '/sign-up',
    '/forgot-password',
    '/sign-out',
    '/account/password',
    '/admin/initiatives',
    '/network/institutions',
  ];

  it.each(posts)(
    'refuses POST %s without a token, with a wrong token, or from another site',
    async (path) => {
      const agent = createAgent(t);
      await agent.get('/');
      const none = await agent.post(path, { email: 'x@example.org' }, { csrf: null });
      expect(none.status).toBe(403);
      expect(await none.text()).toContain('El formulario caducó');
      expect((await agent.post(path, { email: 'x@example.org' }, { csrf: 'forged' })).status).toBe(
        403,
      );
      const crossSite = await agent.request(path, {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: agent.csrfToken() }),
      });
      expect(crossSite.status).toBe(403);
    },
  );

  it('accepts the form token the page carries', async () => {
    const agent = createAgent(t);
    const page = await (await agent.get('/sign-in')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(token).toBe(agent.csrfToken());
    expect(
      (await agent.post('/sign-in', { email: 'nobody@example.org', password: 'x' })).status,
    ).toBe(401);
  });
});

describe('security headers', () => {
  it.each(['/', '/healthz', '/no-such-page', '/static/styles.css', '/sign-in?lang=en'])(
    'are on %s',
    async (path) => {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toContain('microphone=()');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('sends HSTS and Secure __Host- cookies behind an HTTPS proxy', async () => {
    const https = await createTestApp({ env: { TRUST_PROXY: '1' } });
    const res = await https.app.request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/__Host-convoca_csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    await https.close();
  });

  it('never shows a stack trace', async () => {
    const app = createApp(t.deps);
    const { access } = await import('./access');
    app.get('/boom-test', access.anyone(), () => {
      throw new Error('secret detail from the database');
    });
    const res = await app.request('/boom-test');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('Algo salió mal');
    expect(body).not.toContain('secret detail');
    expect(body).not.toMatch(/at \w+ \(/);
  });
});

describe('brute force', () => {
  it('slows or refuses 20 quick wrong sign-ins from one address and logs them', async () => {
    const user = await buildUser(t.db);
    const agent = createAgent(t);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        (await agent.post('/sign-in', { email: user.email, password: `wrong ${i}` })).status,
      );
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const blocked = await agent.post('/sign-in', { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const failures = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign_in_failed'));
    expect(
      failures.filter((f) => (f.data as { email?: string }).email === user.email),
    ).toHaveLength(5);
  });

  it('gets nowhere with 1,000 wrong passwords, even when the right one follows', async () => {
    const user = await buildUser(t.db);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const r = await authenticate(t.db, {
        email: user.email,
        password: `guess ${i}`,
        ip: `198.51.100.${i % 250}`,
      });
      outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    }
    expect(outcomes.get('ok')).toBeUndefined();
    // Spread over 250 addresses, the account-wide key locks after 50 failures.
    expect(outcomes.get('wrong')).toBe(50);
    expect(outcomes.get('locked')).toBe(950);
    expect(
      (await authenticate(t.db, { email: user.email, password: PASSWORD, ip: '198.51.100.7' }))
        .outcome,
    ).toBe('locked');
  });
});
