import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('personal access tokens and /api/v1/me', () => {
  it('creates a token shown once, answers /me with it, and stops after revocation', async () => {
    const initiative = await buildInitiative(t.db);
    const user = await buildMember(t.db, { initiative, role: 'organiser' });
    const agent = await signedInAgent(t, user);
    const created = await agent.post('/account/tokens', {
      name: 'hoja del comité',
      scopes: 'profile:read',
      days: '30',
    });
    expect(created.status).toBe(201);
    const token = /data-testid="new-token">([^<]+)</.exec(await created.text())?.[1];
    expect(token).toMatch(/^cvk_/);
    expect(await (await agent.get('/account/tokens')).text()).not.toContain(token!);

    const me = await t.app.request('/api/v1/me', bearer(token!));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: user.email,
      memberships: [{ initiative: initiative.slug, role: 'organiser' }],
    });

    const page = await (await agent.get('/account/tokens')).text();
    const id = /\/account\/tokens\/([0-9a-f-]{36})\/revoke/.exec(page)?.[1];
    expect((await agent.post(`/account/tokens/${id}/revoke`)).status).toBe(303);
    const after = await t.app.request('/api/v1/me', bearer(token!));
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('unauthenticated');
  });

  it('refuses no token, a made-up token and a token without the scope', async () => {
    expect((await t.app.request('/api/v1/me')).status).toBe(401);
    expect((await t.app.request('/api/v1/me', bearer('cvk_made-up'))).status).toBe(401);
    const initiative = await buildInitiative(t.db);
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'coordinator' }),
    );
    const created = await agent.post('/account/tokens', {
      name: 'solo red',
      scopes: 'network:read',
      days: '30',
    });
    const token = /data-testid="new-token">([^<]+)</.exec(await created.text())?.[1];
    expect((await t.app.request('/api/v1/me', bearer(token!))).status).toBe(403);
  });

  it('asks for at least one scope, keeping the name typed', async () => {
    const initiative = await buildInitiative(t.db);
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'coordinator' }),
    );
    const res = await agent.post('/account/tokens', { name: 'sin permisos', days: '30' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Elige al menos un permiso.');
    expect(html).toContain('value="sin permisos"');
  });
});
