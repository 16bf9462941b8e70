/** The edition's organiser page links to its money pages for those who may see them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition } from './schema';

let t: TestApp;
let initiative: Initiative;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative });
});
afterAll(() => t.close());

const page = () => `/i/${initiative.slug}/editions/${edition.slug}`;
const moneyLink = () => `href="/i/${initiative.slug}/editions/${edition.slug}/money"`;

describe("the edition's organiser page", () => {
  it('links to the money pages for a coordinator and for an administrator without a role', async () => {
    const coordinator = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'coordinator' }),
    );
    const res = await coordinator.get(page());
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(moneyLink());
    const admin = await signedInAgent(t, await buildUser(t.db, { isAdmin: true }));
    const adminPage = await admin.get(page());
    expect(adminPage.status).toBe(200);
    expect(await adminPage.text()).toContain(moneyLink());
  });

  it('does not offer the link to an organiser who may not see the money', async () => {
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    const res = await organiser.get(page());
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(moneyLink());
  });
});
