/**
 * Journey fixtures: `control` talks to the fixture server; `signedInUser` creates a verified
 * account, signs in through the real form and deletes the account afterwards.
 *
 * @example
 * test('…', async ({ page, signedInUser }) => { await page.goto('/account'); });
 */
import { randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E } from './constants';

const controlUrl = `http://127.0.0.1:${E2E.controlPort}`;

export const control = {
  async createUser(o: { email: string; password: string; name: string }) {
    const res = await fetch(`${controlUrl}/users`, { method: 'POST', body: JSON.stringify(o) });
    expect(res.status).toBe(201);
  },
  async deleteUser(email: string) {
    await fetch(`${controlUrl}/users?email=${encodeURIComponent(email)}`, { method: 'DELETE' });
  },
  async addMember(o: { email: string; slug: string; role: string }) {
    const res = await fetch(`${controlUrl}/memberships`, {
      method: 'POST',
      body: JSON.stringify(o),
    });
    expect(res.status).toBe(201);
  },
  /** The link in the newest e-mail to an address. */
  async linkFromMail(to: string): Promise<string> {
    const res = await fetch(`${controlUrl}/outbox?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    const message = (await res.json()) as { text: string };
    const link = /https?:\/\/\S+/.exec(message.text)?.[0];
    expect(link).toBeTruthy();
    return link!;
  },
};

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in?lang=es');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

type Account = { email: string; password: string; name: string };

export const test = base.extend<{ signedInUser: Account }>({
  signedInUser: async ({ page }, use) => {
    const account = {
      email: `e2e-${randomUUID().slice(0, 8)}@example.org`,
      password: 'a long e2e passphrase',
      name: 'Ana E2E',
    };
    await control.createUser(account);
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/account$/);
    await use(account);
    await control.deleteUser(account.email);
  },
});

export { expect };
