import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import {
  buildInitiative,
  buildMember,
  buildUser,
  PASSWORD,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { users } from '../../core/accounts/schema';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import { participations, people, personEmails } from './schema';

let t: TestApp;
let a: Initiative;
let b: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  b = await buildInitiative(t.db);
});
afterAll(() => t.close());

const body = (res: Response) => res.text();

describe('institution directory', () => {
  it('finds institutions ignoring accents and case', async () => {
    await buildInstitution(t.db, {
      name: 'Telefónica Guatemala',
      stakeholderGroup: 'private_sector',
    });
    await buildInstitution(t.db, {
      name: 'Universidad del Istmo',
      acronym: 'UNIS',
      stakeholderGroup: 'academia',
    });
    const organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
    const agent = await signedInAgent(t, organiser);
    const found = await body(await agent.get('/network/institutions?q=TELEFONICA'));
    expect(found).toContain('Telefónica Guatemala');
    expect(found).not.toContain('Universidad del Istmo');
    const byAcronym = await body(await agent.get('/network/institutions?q=unis&group=academia'));
    expect(byAcronym).toContain('Universidad del Istmo');
    const wrongGroup = await body(await agent.get('/network/institutions?q=unis&group=government'));
    expect(wrongGroup).not.toContain('Universidad del Istmo');
  });

  it.each([
    ['not signed in', null, 303],
    ['account without roles', 'none', 403],
    ['volunteer', 'volunteer', 403],
    ['moderator', 'moderator', 403],
    ['organiser', 'organiser', 200],
    ['coordinator', 'coordinator', 200],
    ['administrator', 'admin', 200],
  ] as const)('is open to organisers only: %s (%s) → %i', async (_label, role, status) => {
    let agent = createAgent(t);
    if (role === 'admin') agent = await signedInAgent(t, await buildUser(t.db, { isAdmin: true }));
    else if (role === 'none') agent = await signedInAgent(t, await buildUser(t.db));
    else if (role) agent = await signedInAgent(t, await buildMember(t.db, { initiative: a, role }));
    const res = await agent.get('/network/institutions');
    expect(res.status).toBe(status);
  });

  it('keeps what was typed and explains a bad country code next to the field', async () => {
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'coordinator' }),
    );
    const res = await agent.post('/network/institutions', {
      name: 'Instituto Demos',
      stakeholderGroup: 'civil_society',
      country: 'XX',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Instituto Demos"');
    expect(html).toContain('código de país de dos letras');
    const ok = await agent.post('/network/institutions', {
      name: 'Instituto Demos',
      stakeholderGroup: 'civil_society',
      country: 'gt',
    });
    expect(ok.status).toBe(303);
  });

  it('shows a public page only for institutions that agreed to be listed', async () => {
    const listed = await buildInstitution(t.db, { name: 'ISOC Guatemala', publicListing: true });
    const unlisted = await buildInstitution(t.db, { name: 'Private Partner' });
    expect((await t.app.request(`/institutions/${listed.id}`)).status).toBe(200);
    expect((await t.app.request(`/institutions/${unlisted.id}`)).status).toBe(404);
  });
});

describe('people of an initiative', () => {
  it('finds "Benitez" when the name is "Sofía Benítez" and audits each view', async () => {
    const person = await buildPerson(t.db, {
      initiative: a,
      name: 'Sofía Benítez',
      email: `sofia-${a.slug}@example.org`,
    });
    const organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
    const agent = await signedInAgent(t, organiser);
    expect(await body(await agent.get(`/i/${a.slug}/people?q=benitez`))).toContain('Sofía Benítez');
    const res = await agent.get(`/i/${a.slug}/people/${person.id}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`sofia-${a.slug}@example.org`);
    const views = await t.db.select().from(auditLog).where(eq(auditLog.action, 'person.viewed'));
    expect(views.some((v) => v.targetId === person.id && v.actorUserId === organiser.id)).toBe(
      true,
    );
  });

  it("never shows a person to another initiative's organiser", async () => {
    const person = await buildPerson(t.db, { initiative: a, name: 'Only In A' });
    const other = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: b, role: 'coordinator' }),
    );
    expect((await other.get(`/i/${b.slug}/people/${person.id}`)).status).toBe(404);
    expect((await other.get(`/i/${a.slug}/people/${person.id}`)).status).toBe(403);
    expect(await body(await other.get(`/i/${b.slug}/people?q=only`))).not.toContain('Only In A');
    const volunteer = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'volunteer' }),
    );
    expect((await volunteer.get(`/i/${a.slug}/people/${person.id}`)).status).toBe(403);
  });

  it('refuses an e-mail that already belongs to someone, keeping the form filled', async () => {
    await buildPerson(t.db, { initiative: a, email: `taken-${a.slug}@example.org` });
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'organiser' }),
    );
    const res = await agent.post(`/i/${a.slug}/people/new`, {
      name: 'Otra Persona',
      email: `TAKEN-${a.slug}@example.org`,
      languages: 'es, en',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Otra Persona"');
    expect(html).toContain('ya pertenece a otra persona');
  });
});

describe('merging repeated people', () => {
  it('keeps every e-mail and the whole history on the kept record', async () => {
    const keep = await buildPerson(t.db, {
      initiative: a,
      name: 'Fred Clark',
      email: `fred-${a.slug}@example.org`,
    });
    const repeated = await buildPerson(t.db, {
      initiative: a,
      name: 'Fred Clark',
      email: `fclark-${a.slug}@example.org`,
    });
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'coordinator' }),
    );
    const confirm = await agent.get(`/i/${a.slug}/people/${keep.id}/merge?with=${repeated.id}`);
    expect(await confirm.text()).toContain('Unir personas repetidas');
    const history = await t.db
      .select()
      .from(participations)
      .where(eq(participations.personId, repeated.id));
    expect(
      (await agent.post(`/i/${a.slug}/people/${keep.id}/merge`, { with: repeated.id })).status,
    ).toBe(303);
    expect(await t.db.select().from(people).where(eq(people.id, repeated.id))).toHaveLength(0);
    const emails = await t.db.select().from(personEmails).where(eq(personEmails.personId, keep.id));
    expect(emails.map((e) => e.email).sort()).toEqual([
      `fclark-${a.slug}@example.org`,
      `fred-${a.slug}@example.org`,
    ]);
    const moved = await t.db
      .select()
      .from(participations)
      .where(eq(participations.personId, keep.id));
    expect(moved.length).toBe(1 + history.length);
  });

  it('cannot merge a person of another initiative', async () => {
    const mine = await buildPerson(t.db, { initiative: a, name: 'Mine' });
    const theirs = await buildPerson(t.db, { initiative: b, name: 'Theirs' });
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'coordinator' }),
    );
    expect(
      (await agent.post(`/i/${a.slug}/people/${mine.id}/merge`, { with: theirs.id })).status,
    ).toBe(404);
    expect(await t.db.select().from(people).where(eq(people.id, theirs.id))).toHaveLength(1);
  });
});

describe('my data', () => {
  it('shows, exports and erases what Convoca holds about me, keeping counts true', async () => {
    const me = await buildUser(t.db, { email: `me-${a.slug}@example.org`, name: 'Ana Me' });
    const record = await buildPerson(t.db, {
      initiative: a,
      name: 'Ana Me',
      email: me.email,
      phone: '+502 5555 0000',
    });
    const agent = await signedInAgent(t, me);

    expect(await body(await agent.get('/account/data'))).toContain('+502 5555 0000');
    const json = await (await agent.get('/account/data.json')).json();
    expect(json.account.email).toBe(me.email);
    expect(json.network.records[0].phones[0].phone).toBe('+502 5555 0000');
    const csv = await body(await agent.get('/account/data.csv'));
    expect(csv.split('\n')[0]).toBe('section,field,value');
    expect(csv).toContain(me.email);
    const exports = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'privacy.exported'));
    expect(exports.filter((e) => e.actorUserId === me.id)).toHaveLength(2);

    const before = await t.db
      .select()
      .from(participations)
      .where(eq(participations.personId, record.id));
    const wrong = await agent.post('/account/data/erase', { password: 'not my password' });
    expect(wrong.status).toBe(422);
    const erased = await agent.post('/account/data/erase', { password: PASSWORD });
    expect(erased.status).toBe(303);

    expect(await t.db.select().from(users).where(eq(users.id, me.id))).toHaveLength(0);
    const [person] = await t.db.select().from(people).where(eq(people.id, record.id));
    expect(person!.name).toBe('');
    expect(person!.erasedAt).not.toBeNull();
    expect(
      await t.db.select().from(personEmails).where(eq(personEmails.personId, record.id)),
    ).toHaveLength(0);
    expect(
      await t.db.select().from(participations).where(eq(participations.personId, record.id)),
    ).toHaveLength(before.length);
    const labels = await t.db.select().from(auditLog).where(eq(auditLog.actorUserId, me.id));
    expect(labels.every((l) => l.actorLabel === null)).toBe(true);
    expect((await agent.get('/account/data')).status).toBe(303);
  });
});
