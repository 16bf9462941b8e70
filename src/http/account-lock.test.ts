import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../tests/support/agent';
import { buildUser, PASSWORD } from '../../tests/support/factories';
import { createTestApp, type TestApp } from '../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => t.close());

const from = (address: string) => createAgent(t, { headers: { 'x-forwarded-for': address } });

async function fail(address: string, email: string, times: number) {
  const agent = from(address);
  const statuses: number[] = [];
  for (let i = 0; i < times; i++)
    statuses.push((await agent.post('/sign-in', { email, password: `wrong ${i}` })).status);
  return statuses;
}

describe('a stranger cannot lock an account for its owner', () => {
  it('five wrong passwords from one address lock that address, not the owner elsewhere', async () => {
    const user = await buildUser(t.db);
    const statuses = await fail('203.0.113.10', user.email, 7);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const owner = from('198.51.100.20');
    const res = await owner.post('/sign-in', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(303);
  });

  it('a device cookie from an earlier sign-in lets the owner in even from the locked address', async () => {
    const user = await buildUser(t.db);
    const owner = from('203.0.113.30');
    expect((await owner.post('/sign-in', { email: user.email, password: PASSWORD })).status).toBe(
      303,
    );
    await owner.post('/sign-out');
    expect(await fail('203.0.113.30', user.email, 6)).toContain(429);
    const back = await owner.post('/sign-in', { email: user.email, password: PASSWORD });
    expect(back.status).toBe(303);
  });

  it('a guess spread over many addresses locks the account for new devices only', async () => {
    const user = await buildUser(t.db);
    const owner = from('198.51.100.40');
    expect((await owner.post('/sign-in', { email: user.email, password: PASSWORD })).status).toBe(
      303,
    );
    await owner.post('/sign-out');
    for (let i = 0; i < 55; i++) await fail(`192.0.2.${i + 1}`, user.email, 1);
    const stranger = from('198.51.100.41');
    expect(
      (await stranger.post('/sign-in', { email: user.email, password: PASSWORD })).status,
    ).toBe(429);
    expect((await owner.post('/sign-in', { email: user.email, password: PASSWORD })).status).toBe(
      303,
    );
  });

  it('trusts no device cookie issued for another account, nor a forged one', async () => {
    const ana = await buildUser(t.db);
    const bob = await buildUser(t.db);
    const browser = from('203.0.113.50');
    expect((await browser.post('/sign-in', { email: ana.email, password: PASSWORD })).status).toBe(
      303,
    );
    await browser.post('/sign-out');
    expect(await fail('203.0.113.50', bob.email, 6)).toContain(429);
    expect((await browser.post('/sign-in', { email: bob.email, password: PASSWORD })).status).toBe(
      429,
    );
    browser.jar.set('convoca_device', 'forged.value');
    expect((await browser.post('/sign-in', { email: bob.email, password: PASSWORD })).status).toBe(
      429,
    );
  });
});
