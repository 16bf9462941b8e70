import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import { affiliations, consents, people, personEmails } from './schema';

let t: TestApp;
let a: Initiative;
let b: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  b = await buildInitiative(t.db);
});
afterAll(() => t.close());

describe('editing a person', () => {
  it('saves details, e-mails, affiliations and consents, keeping input on errors', async () => {
    const person = await buildPerson(t.db, { initiative: a, name: 'Wilson Ordoñez' });
    const inst = await buildInstitution(t.db, {
      name: 'Ministerio de Gobernación',
      stakeholderGroup: 'government',
    });
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'organiser' }),
    );
    const base = `/i/${a.slug}/people/${person.id}`;

    const bad = await agent.post(`${base}/edit`, {
      name: 'Wilson Ordóñez',
      country: 'Guatemala',
      languages: 'es',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="Wilson Ordóñez"');
    expect(
      (
        await agent.post(`${base}/edit`, {
          name: 'Wilson Ordóñez',
          country: 'gt',
          languages: 'es, en',
          genderChoice: 'man',
          stakeholderGroup: 'government',
        })
      ).status,
    ).toBe(303);
    const [saved] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(saved).toMatchObject({
      name: 'Wilson Ordóñez',
      country: 'GT',
      languages: ['es', 'en'],
      genderChoice: 'man',
      nameKey: 'wilson ordonez',
    });

    expect(
      (await agent.post(`${base}/emails`, { email: `wilson-${a.slug}@example.org` })).status,
    ).toBe(303);
    const other = await buildPerson(t.db, {
      initiative: a,
      email: `taken-edit-${a.slug}@example.org`,
    });
    const taken = await agent.post(`${base}/emails`, { email: `taken-edit-${a.slug}@example.org` });
    expect(taken.status).toBe(422);
    expect(
      await t.db.select().from(personEmails).where(eq(personEmails.personId, other.id)),
    ).toHaveLength(1);

    expect(
      (
        await agent.post(`${base}/affiliations`, {
          institutionId: inst.id,
          title: 'Sección de Delitos',
          startedOn: '2018-01-01',
        })
      ).status,
    ).toBe(303);
    const [aff] = await t.db
      .select()
      .from(affiliations)
      .where(eq(affiliations.personId, person.id));
    expect((await agent.post(`${base}/affiliations/${aff!.id}/end`)).status).toBe(303);
    const [ended] = await t.db.select().from(affiliations).where(eq(affiliations.id, aff!.id));
    expect(ended!.endedOn).toBe(new Date().toISOString().slice(0, 10));

    const noMethod = await agent.post(`${base}/consents`, {
      purpose: 'photos',
      status: 'given',
      method: '',
    });
    expect(noMethod.status).toBe(422);
    expect(
      (
        await agent.post(`${base}/consents`, {
          purpose: 'photos',
          status: 'given',
          method: 'formulario en papel',
        })
      ).status,
    ).toBe(303);
    expect(await t.db.select().from(consents).where(eq(consents.personId, person.id))).toHaveLength(
      1,
    );
  });

  it("is refused to another initiative's organiser and to volunteers", async () => {
    const person = await buildPerson(t.db, { initiative: a });
    const other = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: b, role: 'coordinator' }),
    );
    expect(
      (await other.post(`/i/${b.slug}/people/${person.id}/edit`, { name: 'Hacked' })).status,
    ).toBe(404);
    expect(
      (await other.post(`/i/${a.slug}/people/${person.id}/edit`, { name: 'Hacked' })).status,
    ).toBe(403);
    const volunteer = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'volunteer' }),
    );
    expect((await volunteer.get(`/i/${a.slug}/people/${person.id}/edit`)).status).toBe(403);
    const [unchanged] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(unchanged!.name).not.toBe('Hacked');
  });
});

describe('directory filters and statistics', () => {
  it('filters people by participation and suppresses small counts', async () => {
    const c = await buildInitiative(t.db);
    const speaker = await buildPerson(t.db, { initiative: c, name: 'Panelista Uno' });
    await buildPerson(t.db, { initiative: c, name: 'Contacto Dos' });
    const { recordParticipation } = await import('./participation');
    await recordParticipation(t.db, {
      personId: speaker.id,
      initiativeId: c.id,
      kind: 'speaker',
      year: 2018,
      label: 'Panel',
    });
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: c, role: 'organiser' }),
    );
    const html = await (await agent.get(`/i/${c.slug}/people?participation=speaker`)).text();
    expect(html).toContain('Panelista Uno');
    expect(html).not.toContain('Contacto Dos');
    expect(html).toContain('<td>&lt;5</td>');
    expect(html).not.toMatch(/<td>[1-4]<\/td>/);
  });

  it('lists publicly only the institutions that agreed', async () => {
    await buildInstitution(t.db, { name: 'Aldeas Infantiles SOS', publicListing: true });
    await buildInstitution(t.db, { name: 'Empresa Discreta', publicListing: false });
    const html = await (await t.app.request('/institutions?q=aldeas')).text();
    expect(html).toContain('Aldeas Infantiles SOS');
    const all = await (await t.app.request('/institutions')).text();
    expect(all).not.toContain('Empresa Discreta');
  });
});

describe('withdrawing my consent', () => {
  it('records a withdrawal for my own record only', async () => {
    const me = await buildUser(t.db, { email: `consent-${a.slug}@example.org` });
    const mine = await buildPerson(t.db, { initiative: a, email: me.email });
    const someoneElse = await buildPerson(t.db, { initiative: a });
    const { recordConsent } = await import('./edit-person');
    await recordConsent(t.db, {
      personId: mine.id,
      purpose: 'photos',
      status: 'given',
      method: 'form',
      recordedBy: null,
    });
    const agent = await signedInAgent(t, me);
    expect(await (await agent.get('/account/data')).text()).toContain('Retirar: Fotografías');
    expect(
      (await agent.post('/account/data/consents', { personId: mine.id, purpose: 'photos' })).status,
    ).toBe(303);
    const rows = await t.db.select().from(consents).where(eq(consents.personId, mine.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['given', 'withdrawn']);
    expect(
      (await agent.post('/account/data/consents', { personId: someoneElse.id, purpose: 'photos' }))
        .status,
    ).toBe(404);
  });
});
