import { count, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import { buildUser, PASSWORD, signedInAgent } from '../../../tests/support/factories';
import { FOOTPRINT, personWithFootprint } from '../../../tests/support/privacy-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Db } from '../../db/client';
import { checkins } from '../../features/checkin/schema';
import {
  actionComments,
  actionItems,
  committeeCalendarLinks,
} from '../../features/committee/schema';
import { eventVolunteers, volunteerShifts } from '../../features/event-day/schema';
import { participations, people } from '../../features/network/schema';
import { invitations, registrations } from '../../features/registration/schema';
import { topics } from '../../features/topics/schema';
import { users } from '../accounts/schema';
import { auditLog } from '../audit/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Every text, JSON or text-array column of every table, with how many of its rows contain `needle`. */
async function whereInDatabase(db: Db, needle: string) {
  const columns = rows<{ table: string; column: string }>(
    await db.execute(sql`
      select table_name as "table", column_name as "column"
      from information_schema.columns
      where table_schema = current_schema()
        and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
             or udt_name in ('_text', '_varchar'))
        and table_name in (select table_name from information_schema.tables
                           where table_schema = current_schema() and table_type = 'BASE TABLE')`),
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const c of columns) {
    const [hit] = rows<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(c.table)}
            where strpos(lower(${sql.identifier(c.column)}::text), ${needle.toLowerCase()}) > 0`,
      ),
    );
    if (hit!.n > 0) found.push(`${c.table}.${c.column}`);
  }
  return found;
}

const countOf = async (db: Db, table: PgTable, where: SQL) => {
  const [r] = await db.select({ n: count() }).from(table).where(where);
  return r!.n;
};

describe('a person’s data across every feature', () => {
  it('is downloaded whole as JSON and CSV, then erased or anonymised with the counts kept', async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const user = await buildUser(t.db, {
      email: `ana.privada-${suffix}@example.org`,
      name: `Ana Privada ${suffix}`,
    });
    const f = await personWithFootprint(t.deps, { user });
    const agent = await signedInAgent(t, user);

    // The download: every feature's part, readable, without link digests.
    const res = await agent.get('/account/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="convoca-my-data/);
    const text = await res.clone().text();
    const data = await res.json();
    expect(data.account.email).toBe(user.email);
    expect(data.network.records.map((r: { id: string }) => r.id)).toEqual([f.personId]);
    const [registration] = data.registration.registrations;
    expect(registration).toMatchObject({
      event: 'Foro de prueba',
      status: 'confirmed',
      name: user.name,
      email: user.email,
      institution: FOOTPRINT.institution,
      stakeholderGroup: 'academia',
      country: 'GT',
      gender: 'woman',
      accessibilityNeeds: FOOTPRINT.accessibilityNeeds,
      consents: { photos: true, streaming: false, contact: true },
      answers: [{ question: FOOTPRINT.question, answer: FOOTPRINT.answer }],
    });
    expect(data.registration.registrations).toHaveLength(1);
    expect(data.registration.invitations).toEqual([
      expect.objectContaining({
        name: user.name,
        email: user.email,
        representing: FOOTPRINT.institution,
        status: 'pending',
      }),
    ]);
    const [volunteering] = data['event-day'].volunteering;
    expect(volunteering).toMatchObject({ name: user.name, email: user.email });
    expect(volunteering.accessUntil).not.toBeNull();
    expect(volunteering.shifts).toEqual([
      expect.objectContaining({ task: 'desk', note: FOOTPRINT.shiftNote }),
    ]);
    expect(data.checkin.checkins).toEqual([
      expect.objectContaining({ place: 'desk', desk: 'Mesa 1', outcome: 'recorded' }),
    ]);
    expect(data.topics.topics).toEqual([
      expect.objectContaining({
        title: FOOTPRINT.topicTitle,
        reason: FOOTPRINT.topicReason,
        proposerName: user.name,
        namePublic: true,
      }),
    ]);
    expect(data.committee.comments).toEqual([
      expect.objectContaining({ task: 'Invitar a la Superintendencia', body: FOOTPRINT.comment }),
    ]);
    expect(data.committee.tasks).toEqual([
      expect.objectContaining({ title: 'Invitar a la Superintendencia', status: 'open' }),
    ]);
    expect(data.committee.calendarLinks).toHaveLength(1);
    const [stored] = await t.db
      .select({ tokenHash: registrations.tokenHash })
      .from(registrations)
      .where(eq(registrations.id, f.registrationId));
    expect(text).not.toContain(stored!.tokenHash);
    expect(text).not.toMatch(/tokenHash|passwordHash/);

    const csv = await (await agent.get('/account/data.csv')).text();
    for (const line of [
      `registration,registrations[0].accessibilityNeeds,${FOOTPRINT.accessibilityNeeds}`,
      `registration,registrations[0].answers[0].answer,${FOOTPRINT.answer}`,
      `registration,invitations[0].email,${user.email}`,
      `event-day,volunteering[0].shifts[0].task,desk`,
      `topics,topics[0].title,${FOOTPRINT.topicTitle}`,
      `checkin,checkins[0].place,desk`,
      `committee,comments[0].body,${FOOTPRINT.comment}`,
    ])
      expect(csv.split('\n')).toContain(line);

    // The erasure.
    const counts = async () => ({
      registrations: await countOf(t.db, registrations, eq(registrations.eventId, f.forum.id)),
      invitations: await countOf(t.db, invitations, eq(invitations.eventId, f.breakfast.id)),
      volunteers: await countOf(t.db, eventVolunteers, eq(eventVolunteers.eventId, f.forum.id)),
      shifts: await countOf(t.db, volunteerShifts, eq(volunteerShifts.volunteerId, f.volunteerId)),
      checkins: await countOf(t.db, checkins, eq(checkins.eventId, f.forum.id)),
      topics: await countOf(t.db, topics, eq(topics.editionId, f.edition.id)),
      participations: await countOf(t.db, participations, eq(participations.personId, f.personId)),
      comments: await countOf(
        t.db,
        actionComments,
        eq(actionComments.actionItemId, f.actionItemId),
      ),
    });
    const topicsPage = () => createAgent(t).get(`/e/${f.edition.slug}/topics`);
    expect(await (await topicsPage()).text()).toContain(user.name);
    expect(await whereInDatabase(t.db, user.email)).toEqual(
      expect.arrayContaining([
        'users.email',
        'person_emails.email',
        'registrations.email',
        'invitations.email',
        'event_volunteers.email',
      ]),
    );
    const before = await counts();
    expect(before).toMatchObject({ registrations: 2, invitations: 1, volunteers: 1, checkins: 1 });
    expect((await agent.post('/account/data/erase', { password: PASSWORD })).status).toBe(303);
    expect(await counts()).toEqual(before);
    expect(await t.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);

    const [r] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, f.registrationId));
    expect(r).toMatchObject({
      status: 'confirmed',
      eventId: f.forum.id,
      stakeholderGroup: 'academia',
      country: 'GT',
      name: '',
      institution: null,
      accessibilityNeeds: null,
      consentPhotos: false,
      consentContact: false,
    });
    expect(r!.answers).toEqual({});
    expect(r!.email).toMatch(/@erased\.invalid$/);
    expect(r!.ticketCode).not.toBe(registration.ticketCode);
    expect(r!.tokenHash).not.toBe(stored!.tokenHash);
    const [other] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, f.otherRegistrationId));
    expect(other!.name).toBe('Otra Persona');
    expect(other!.institution).toBe(FOOTPRINT.institution);

    const [i] = await t.db.select().from(invitations).where(eq(invitations.id, f.invitationId));
    expect(i).toMatchObject({ name: '', email: null, representing: null, status: 'pending' });
    const [v] = await t.db
      .select()
      .from(eventVolunteers)
      .where(eq(eventVolunteers.id, f.volunteerId));
    expect(v).toMatchObject({
      name: '',
      email: null,
      institution: null,
      userId: null,
      personId: null,
    });
    expect(v!.accessUntil!.getTime()).toBeLessThanOrEqual(Date.now());
    const [shift] = await t.db
      .select()
      .from(volunteerShifts)
      .where(eq(volunteerShifts.volunteerId, f.volunteerId));
    expect(shift).toMatchObject({ task: 'desk', note: null });
    const [topic] = await t.db.select().from(topics).where(eq(topics.id, f.topicId));
    expect(topic).toMatchObject({
      title: FOOTPRINT.topicTitle,
      proposerName: null,
      namePublic: false,
      createdBy: null,
    });
    const publicTopics = await (await topicsPage()).text();
    expect(publicTopics).toContain(FOOTPRINT.topicTitle);
    expect(publicTopics).not.toContain(user.name);
    expect(
      await t.db
        .select()
        .from(committeeCalendarLinks)
        .where(eq(committeeCalendarLinks.initiativeId, f.initiative.id)),
    ).toHaveLength(0);
    const [comment] = await t.db
      .select()
      .from(actionComments)
      .where(eq(actionComments.id, f.commentId));
    expect(comment).toMatchObject({ authorUserId: null, body: '' });
    const [task] = await t.db.select().from(actionItems).where(eq(actionItems.id, f.actionItemId));
    expect(task!.ownerPersonId).toBe(f.personId);
    const [person] = await t.db.select().from(people).where(eq(people.id, f.personId));
    expect(person!.erasedAt).not.toBeNull();

    // Nothing anywhere still holds their address or their name.
    expect(await whereInDatabase(t.db, user.email)).toEqual([]);
    expect(await whereInDatabase(t.db, user.name)).toEqual([]);

    const erasures = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'privacy.erased'));
    const entry = erasures.find((e) => e.targetId === user.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(user.email);
    expect((await agent.get('/account/data')).status).toBe(303);
  });

  it('shows every module’s part on the data page, in Spanish and English', async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const user = await buildUser(t.db, {
      email: `ana.pagina-${suffix}@example.org`,
      name: `Ana Página ${suffix}`,
    });
    await personWithFootprint(t.deps, { user });
    const agent = await signedInAgent(t, user);
    const page = async (lang: 'es' | 'en') => {
      const res = await agent.get(`/account/data?lang=${lang}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const es = await page('es');
    for (const heading of [
      'Tus fichas en la red de actores',
      'Inscripciones e invitaciones',
      'Voluntariado',
      'Temas propuestos',
      'Comité organizador',
    ])
      expect(es).toContain(`>${heading}</h3>`);
    for (const text of [
      FOOTPRINT.accessibilityNeeds,
      FOOTPRINT.answer,
      FOOTPRINT.topicTitle,
      FOOTPRINT.comment,
      FOOTPRINT.shiftNote,
    ])
      expect(es).toContain(text);
    const en = await page('en');
    for (const heading of [
      'Your records in the network of actors',
      'Registrations and invitations',
      'Volunteering',
      'Proposed topics',
      'Organising committee',
    ])
      expect(en).toContain(`>${heading}</h3>`);
    expect(en).toContain(FOOTPRINT.accessibilityNeeds);
  });

  it('gives an account whose address is not verified nothing registered under that address', async () => {
    const owner = await buildUser(t.db);
    await personWithFootprint(t.deps, { user: owner });
    await t.db.delete(users).where(eq(users.id, owner.id));
    const claimant = await buildUser(t.db, { email: owner.email, verified: false });
    const data = await (await (await signedInAgent(t, claimant)).get('/account/data.json')).json();
    expect(data.network.records).toEqual([]);
    expect(data.registration).toEqual({ registrations: [], invitations: [] });
    expect(data['event-day'].volunteering).toEqual([]);
    expect(data.checkin.checkins).toEqual([]);
  });

  it('links a topic proposed while signed in to the account, and not one proposed signed out', async () => {
    const user = await buildUser(t.db);
    const f = await personWithFootprint(t.deps, { user });
    const signedIn = await signedInAgent(t, user);
    const form = {
      title: 'Acceso a internet en zonas rurales',
      reason: 'La brecha digital excluye a las comunidades rurales.',
      stakeholderGroup: 'civil_society',
      proposerName: user.name,
      namePublic: 'on',
    };
    await signedIn.get(`/e/${f.edition.slug}/topics/propose`);
    expect((await signedIn.post(`/e/${f.edition.slug}/topics/propose`, form)).status).toBe(303);
    const visitor = createAgent(t);
    await visitor.get(`/e/${f.edition.slug}/topics/propose`);
    const anonymous = { ...form, title: 'Ciberseguridad para pymes', proposerName: 'Sin Cuenta' };
    expect((await visitor.post(`/e/${f.edition.slug}/topics/propose`, anonymous)).status).toBe(303);
    const mine = await signedIn.get('/account/data.json');
    const titles = (await mine.json()).topics.topics.map((x: { title: string }) => x.title);
    expect(titles).toEqual([FOOTPRINT.topicTitle, 'Acceso a internet en zonas rurales']);
    const [kept] = await t.db.select().from(topics).where(eq(topics.proposerName, 'Sin Cuenta'));
    expect(kept!.createdBy).toBeNull();
  });
});
