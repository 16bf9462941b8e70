import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../tests/support/agent';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { parseEnv } from '../env';
import { auditLog } from '../core/audit/schema';
import { forwardedAddress } from './client-ip';

describe('TRUST_PROXY', () => {
  it('reads a flag as one proxy and a number as that many proxies', () => {
    expect(parseEnv({}).trustedProxyHops).toBe(0);
    expect(parseEnv({ TRUST_PROXY: 'true' }).trustedProxyHops).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '2' })).toMatchObject({ trustProxy: true, trustedProxyHops: 2 });
    expect(() => parseEnv({ TRUST_PROXY: 'many' })).toThrow(/TRUST_PROXY/);
  });
});

describe('the address behind trusted proxies', () => {
  it('takes the entry the trusted proxy appended, never one the client wrote', () => {
    expect(forwardedAddress('1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(forwardedAddress('1.2.3.4, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(forwardedAddress('203.0.113.9', 2)).toBe('203.0.113.9');
    expect(forwardedAddress('1.2.3.4, [2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(forwardedAddress('1.2.3.4, not-an-address', 1)).toBeUndefined();
    expect(forwardedAddress(undefined, 1)).toBeUndefined();
  });
});

describe('spoofing X-Forwarded-For behind one proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());

  it('forged left-most entries neither escape the limit nor reach the audit log', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const agent = createAgent(t, {
        headers: { 'x-forwarded-for': `10.9.${i}.${i}, 198.51.100.77` },
      });
      const res = await agent.post('/forgot-password', { email: `nobody${i}@example.org` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s < 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rate_limit.exceeded')));
    expect(entries.map((e) => e.ip)).toEqual(['198.51.100.77']);
  });

  it('different clients behind the proxy are counted apart', async () => {
    const agent = createAgent(t, { headers: { 'x-forwarded-for': '198.51.100.78' } });
    const res = await agent.post('/forgot-password', { email: 'someone@example.org' });
    expect(res.status).toBeLessThan(400);
  });
});
