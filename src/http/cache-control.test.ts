import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../tests/support/api-call';
import { buildUser, signedInAgent } from '../../tests/support/factories';
import { createTestApp, type TestApp } from '../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('Cache-Control', () => {
  it('is no-store on pages and JSON with personal data, and on errors', async () => {
    const user = await buildUser(t.db);
    const agent = await signedInAgent(t, user);
    for (const path of ['/account', '/account/sessions', '/', '/sign-in', '/no-such-page']) {
      const res = await agent.get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const me = await apiCall(t, user, ['profile:read'], '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('stays public where a route says so', async () => {
    const res = await t.app.request('/static/styles.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
