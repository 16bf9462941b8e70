import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildPerson } from '../../../tests/support/network-factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FORMULA = '=HYPERLINK("http://evil.example/x","click")';

describe('CSV exports neutralise formulas typed by anyone', () => {
  it('prefixes an anonymous registration named like a formula in the organisers’ CSV', async () => {
    const initiative = await buildInitiative(t.db);
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    const edition = await buildEdition(t.db, { initiative });
    const event = await buildEvent(t.db, { edition });
    const path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
    expect(
      (
        await organiser.post(`${path}/registration`, {
          open: 'on',
          capacity: '10',
          offerHours: '24',
        })
      ).status,
    ).toBe(303);
    const visitor = createAgent(t);
    await visitor.get(`/e/${edition.slug}/events/${event.id}/register`);
    const sent = await visitor.post(`/e/${edition.slug}/events/${event.id}/register`, {
      name: FORMULA,
      email: 'formula@example.org',
    });
    expect(sent.status).toBeLessThan(400);
    const csv = await (await organiser.get(`${path}/registrations/export/csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('prefixes people’s values starting with = + - @ in the people CSV', async () => {
    const initiative = await buildInitiative(t.db);
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    await buildPerson(t.db, { initiative, name: '@SUM(1+1)*cmd', notes: '-2+3' });
    const res = await organiser.get(`/i/${initiative.slug}/people/export/csv`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain("'@SUM(1+1)*cmd");
    expect(csv).toContain("'-2+3");
    expect(csv).not.toMatch(/(^|,)"?[@-]/m);
  });
});
