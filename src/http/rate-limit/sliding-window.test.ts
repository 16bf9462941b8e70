import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../tests/support/factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createApiToken } from '../../core/api-tokens/tokens';
import { hitRateLimit } from './hit-rate-limit';
import { peekRateLimit } from './peek-rate-limit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => t.close());

const at = (iso: string) => new Date(`2026-01-01T${iso}Z`);

async function burst(key: string, n: number, now: Date) {
  let allowed = 0;
  for (let i = 0; i < n; i++)
    if ((await hitRateLimit(t.db, { key, limit: 10, windowSeconds: 60, now })).allowed) allowed++;
  return allowed;
}

describe('rate limits slide', () => {
  it('let no more than the limit through across a window boundary', async () => {
    const first = await burst('edge', 10, at('10:00:59'));
    const second = await burst('edge', 10, at('10:01:01'));
    expect(first).toBe(10);
    expect(second).toBe(0);
  });

  it('free up gradually as the previous window slides out, and say when', async () => {
    await burst('gradual', 10, at('11:00:30'));
    const refused = await hitRateLimit(t.db, {
      key: 'gradual',
      limit: 10,
      windowSeconds: 60,
      now: at('11:01:00'),
    });
    expect(refused.allowed).toBe(false);
    expect(refused.firstRefusal).toBe(true);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await burst('gradual', 5, at('11:01:45'))).toBeGreaterThan(0);
    expect(await burst('gradual', 10, at('11:03:00'))).toBe(10);
  });

  it('peeking counts nothing', async () => {
    for (let i = 0; i < 30; i++)
      expect(
        (await peekRateLimit(t.db, { key: 'peek', limit: 1, windowSeconds: 60 })).allowed,
      ).toBe(true);
    await hitRateLimit(t.db, { key: 'peek', limit: 1, windowSeconds: 60 });
    expect((await peekRateLimit(t.db, { key: 'peek', limit: 1, windowSeconds: 60 })).allowed).toBe(
      false,
    );
  });
});

describe('wrong API tokens', () => {
  const call = (token: string, address: string) =>
    t.app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
    });

  it('are throttled per address: past 20 even the right token waits, other addresses do not', async () => {
    const user = await buildUser(t.db);
    const { secret } = await createApiToken(t.db, {
      userId: user.id,
      name: 'mine',
      scopes: ['profile:read'],
      days: 1,
    });
    expect((await call(secret, '203.0.113.50')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await call(`cvk_wrong${i}`, '203.0.113.50')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const blocked = await call(secret, '203.0.113.50');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(secret, '203.0.113.51')).status).toBe(200);
  });
});
