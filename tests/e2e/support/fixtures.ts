/**
 * Journey fixtures.
 * - `account`: a verified account created through the control server (not signed in), deleted
 *   after the test.
 * - `signedInUser`: the same, signed in through the real /sign-in form; yields
 *   `{ email, password, name, page }`.
 * - `adminPage`: a second browser context signed in as the first administrator.
 * `control` talks to the fixture-control server started by `server.ts`.
 *
 * @example
 * test('…', async ({ signedInUser: { page } }) => { await page.goto('/account'); });
 */
import { randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E } from './constants';

export type Account = { email: string; password: string; name: string };

async function call(method: string, path: string, body?: unknown) {
  return fetch(`${E2E.controlUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
}

export type CheckinEvent = {
  edition: string;
  eventId: string;
  routeId: string;
  people: { id: string; name: string; ticketCode: string }[];
};

export const control = {
  async createUser(account: Account) {
    const res = await call('POST', '/users', account);
    expect(res.status, `control: create ${account.email}: ${await res.clone().text()}`).toBe(201);
  },
  async deleteUser(email: string) {
    await call('DELETE', `/users?email=${encodeURIComponent(email)}`);
  },
  async addMember(o: { email: string; slug: string; role: string }) {
    const res = await call('POST', '/memberships', o);
    expect(res.status, `control: membership for ${o.email}: ${await res.clone().text()}`).toBe(201);
  },
  /**
   * A new edition of the initiative with an event tomorrow, `n` confirmed registrants, one bus,
   * and these accounts on its volunteer roster with access for the day.
   */
  async checkinEvent(o: { slug: string; n: number; volunteers: string[] }): Promise<CheckinEvent> {
    const res = await call('POST', '/checkin-event', o);
    expect(res.status, `control: check-in event: ${await res.clone().text()}`).toBe(201);
    return (await res.json()) as CheckinEvent;
  },
  /** A new edition with a forum next year: a 120-seat room, a panel, three registrants. */
  async eventDayEvent(o: {
    slug: string;
  }): Promise<{ edition: string; eventId: string; sessionId: string; day: string }> {
    const res = await call('POST', '/event-day-event', o);
    expect(res.status, `control: event-day event: ${await res.clone().text()}`).toBe(201);
    return (await res.json()) as {
      edition: string;
      eventId: string;
      sessionId: string;
      day: string;
    };
  },
  /**
   * Gives the account data in every feature (tests/support/privacy-factories.ts) in a new
   * initiative; answers the slug of its edition.
   */
  async personalFootprint(email: string): Promise<{ edition: string }> {
    const res = await call('POST', '/personal-footprint', { email });
    expect(res.status, `control: footprint of ${email}: ${await res.clone().text()}`).toBe(201);
    return (await res.json()) as { edition: string };
  },
  /** The newest e-mail sent to an address, as stored in the outbox. */
  async newestMail(to: string): Promise<{ subject: string; text: string; locale: string }> {
    const res = await call('GET', `/outbox?to=${encodeURIComponent(to)}`);
    expect(res.status, `control: mail to ${to}`).toBe(200);
    return (await res.json()) as { subject: string; text: string; locale: string };
  },
};

/** The first link to this server in a mail's text that goes to `path`. */
export function linkIn(text: string, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`https?://\\S+${escaped}\\?\\S+`).exec(text)?.[0];
  expect(link, `a ${path} link in:\n${text}`).toBeTruthy();
  expect(new URL(link!).origin).toBe(E2E.baseUrl);
  return link!;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Signs in through the real form (Spanish labels) and waits for the account page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in?lang=es');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

export const test = base.extend<{
  account: Account;
  signedInUser: Account & { page: Page };
  adminPage: Page;
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  account: async ({}, use) => {
    const account = {
      email: uniqueEmail('e2e'),
      password: 'a long e2e passphrase',
      name: 'Ana E2E',
    };
    await control.createUser(account);
    await use(account);
    await control.deleteUser(account.email);
  },
  signedInUser: async ({ account, page }, use) => {
    await signIn(page, account.email, account.password);
    await use({ ...account, page });
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'es-GT' });
    const page = await context.newPage();
    await signIn(page, E2E.admin.email, E2E.admin.password);
    await use(page);
    await context.close();
  },
});

export { expect };
