import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/support/test-database';
import type { Database } from '../src/db/client';
import { findInitiativeBySlug } from '../src/core/initiatives/queries';
import { searchInstitutions } from '../src/features/network/institutions';
import { listPeople } from '../src/features/network/people';
import { institutions, participations, people } from '../src/features/network/schema';
import { loadDemo } from './load-demo';
import { readNetworkFile } from './load-network';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db);
});
afterAll(() => database.drop());

describe('the IGF Guatemala 2018 demo', () => {
  it('loads each part once', async () => {
    expect(await loadDemo(database.db)).toEqual({ loaded: [] });
    expect(await findInitiativeBySlug(database.db, 'igf-guatemala')).toBeDefined();
  });

  it('has every institution and person of the data file', async () => {
    const file = readNetworkFile();
    const [i] = await database.db.select({ n: sql<number>`count(*)::int` }).from(institutions);
    const [p] = await database.db.select({ n: sql<number>`count(*)::int` }).from(people);
    expect(i!.n).toBe(file.institutions.length);
    expect(p!.n).toBe(file.people.length);
  });

  it('gives the seed institutions their stakeholder groups', async () => {
    const groupOf = async (acronym: string) =>
      (await database.db.select().from(institutions).where(eq(institutions.acronym, acronym)))[0]
        ?.stakeholderGroup;
    expect(await groupOf('UNESCO')).toBe('intergovernmental');
    expect(await groupOf('AGEXPORT')).toBe('private_sector');
    expect(await groupOf('UNIS')).toBe('academia');
    expect(await groupOf('SIT')).toBe('government');
    expect(await groupOf('COPREDEH')).toBe('government');
    expect(await groupOf('DEMOS')).toBe('civil_society');
    expect(await groupOf('ISOC')).toBe('technical_community');
  });

  it('has the fifteen media outlets of the press conference', async () => {
    const rows = await database.db
      .select({ n: sql<number>`count(distinct ${participations.institutionId})::int` })
      .from(participations)
      .where(and(eq(participations.kind, 'media'), isNotNull(participations.institutionId)));
    expect(rows[0]!.n).toBe(15);
  });

  it('finds people and institutions by unaccented search', async () => {
    const initiative = (await findInitiativeBySlug(database.db, 'igf-guatemala'))!;
    const found = await listPeople(database.db, {
      initiativeId: initiative.id,
      q: 'benitez',
      sort: 'name',
      page: 1,
      perPage: 10,
    });
    expect(found.rows.map((r) => r.name)).toEqual(['Sofía Benítez']);
    expect(found.rows[0]!.group).toBe('academia');
    const tel = await searchInstitutions(database.db, {
      q: 'telefonica',
      sort: 'name',
      page: 1,
      perPage: 10,
    });
    expect(tel.rows.map((r) => r.name)).toEqual(['Telefónica']);
  });
});

describe('the network picture of the demo', () => {
  it('ties the committee institutions and counts 2018 as the year they all joined', async () => {
    const { buildGraph } = await import('../src/features/network/graph/build-graph');
    const graph = await buildGraph(database.db);
    const byAcronym = new Map(graph.nodes.map((n) => [n.acronym ?? n.name, n.id]));
    const tie = graph.edges.find(
      (e) =>
        [e.source, e.target].sort().join() ===
        [byAcronym.get('UNESCO'), byAcronym.get('COPREDEH')].sort().join(),
    );
    expect(tie).toMatchObject({ weight: 3, firstYear: 2018, crossSector: true });
    const year = graph.indicators.find((y) => y.year === 2018)!;
    expect(year.newPeople).toBe(readNetworkFile().people.length);
    expect(year.newCrossSectorTies).toBe(graph.edges.filter((e) => e.crossSector).length);
    const onlyGovernment = await buildGraph(database.db, { group: 'government' });
    expect(onlyGovernment.nodes.every((n) => n.group === 'government')).toBe(true);
  });

  it('suppresses counts of fewer than five people', async () => {
    const { peopleCount } = await import('../src/lib/suppress');
    expect(peopleCount(0)).toBe('0');
    expect(peopleCount(4)).toBe('<5');
    expect(peopleCount(5)).toBe('5');
    expect(peopleCount(1234, 'en')).toBe('1,234');
  });
});

describe('the demo programme', () => {
  it('has the forum with six panels in three rooms, two blocks of three, and the seed events', async () => {
    const { editions, events, programmeSessions, rooms, sessionPeople } =
      await import('../src/features/programme/schema');
    const [edition] = await database.db
      .select()
      .from(editions)
      .where(eq(editions.slug, 'igf-guatemala-2018'));
    expect(edition).toBeDefined();
    const all = await database.db.select().from(events).where(eq(events.editionId, edition!.id));
    expect(all.map((e) => e.kind).sort()).toEqual([
      'breakfast_meeting',
      'forum',
      'press_conference',
    ]);
    expect(all.find((e) => e.kind === 'press_conference')!.timesKnown).toBe(false);
    const forum = all.find((e) => e.kind === 'forum')!;
    expect(forum.timeZone).toBe('America/Guatemala');
    const panels = await database.db
      .select({ startsAt: programmeSessions.startsAt, room: rooms.name, id: programmeSessions.id })
      .from(programmeSessions)
      .innerJoin(rooms, eq(rooms.id, programmeSessions.roomId))
      .where(and(eq(programmeSessions.eventId, forum.id), eq(programmeSessions.kind, 'panel')));
    expect(panels).toHaveLength(6);
    expect(new Set(panels.map((p) => p.room)).size).toBe(3);
    const blocks = new Map<string, number>();
    for (const p of panels)
      blocks.set(p.startsAt.toISOString(), (blocks.get(p.startsAt.toISOString()) ?? 0) + 1);
    expect([...blocks.entries()].sort()).toEqual([
      ['2018-10-25T16:30:00.000Z', 3],
      ['2018-10-25T19:30:00.000Z', 3],
    ]);
    const mc = await database.db
      .select()
      .from(sessionPeople)
      .where(eq(sessionPeople.role, 'master_of_ceremonies'));
    expect(mc.length).toBeGreaterThan(0);
  });

  it('has the press conference agenda in its order and the breakfast meeting, every event published', async () => {
    const { events, programmeVersions } = await import('../src/features/programme/schema');
    const { programmeOf } = await import('../src/features/programme/queries');
    const all = await database.db.select().from(events);
    const press = all.find((e) => e.kind === 'press_conference')!;
    const agenda = await programmeOf(database.db, [press.id]);
    expect(agenda.map((s) => s.people.map((p) => p.name).join())).toEqual([
      'Andrea Alvarado',
      'Montserrat Vidal',
      'Sofía Benítez',
      'Estuardo Sandoval',
      '',
    ]);
    expect(agenda.at(-1)!.titleEn).toBe('Questions and answers');
    const breakfast = all.find((e) => e.kind === 'breakfast_meeting')!;
    expect(await programmeOf(database.db, [breakfast.id])).toHaveLength(1);
    const versions = await database.db.select().from(programmeVersions);
    expect(versions.map((v) => v.number)).toEqual([1, 1, 1]);
  });
});

describe('the demo registration', () => {
  it('stands for the seed’s “over 200 people” with sample rows that hold no personal data', async () => {
    const { registrations } = await import('../src/features/registration/schema');
    const rows = await database.db.select().from(registrations);
    expect(rows.length).toBeGreaterThan(200);
    expect(
      rows.every((r) => r.sample && r.personId === null && r.email.endsWith('@demo.invalid')),
    ).toBe(true);
  });
});

describe('the demo invitations', () => {
  it('has the seed’s breakfast and press conference invitees, accepted and attended, without invented e-mails', async () => {
    const { invitations } = await import('../src/features/registration/schema');
    const { events } = await import('../src/features/programme/schema');
    const all = await database.db.select().from(events);
    const of = (kind: string) =>
      database.db
        .select()
        .from(invitations)
        .where(eq(invitations.eventId, all.find((e) => e.kind === kind)!.id));
    const breakfast = await of('breakfast_meeting');
    expect(breakfast.map((r) => r.representing).sort()).toEqual(
      [
        'INFINITUM',
        'Telefónica',
        'Congreso de la República de Guatemala',
        'Huawei',
        'Cámara de Comercio de Guatemala',
        'Empresarios por la Educación',
        'Centro de Estudios de Derecho (CEDE)',
      ].sort(),
    );
    const named = breakfast.filter((r) => !r.sample);
    expect(named.map((r) => r.name).sort()).toEqual([
      'José Rodrigo Valladares',
      'Omar Ricardo Barrios Osorio',
    ]);
    expect(named.every((r) => r.personId !== null)).toBe(true);
    const press = await of('press_conference');
    expect(press).toHaveLength(15);
    expect(press.every((r) => r.sample && r.personId === null)).toBe(true);
    expect(new Set(press.map((r) => r.representing)).size).toBe(15);
    for (const r of [...breakfast, ...press])
      expect(r).toMatchObject({ email: null, status: 'accepted', attended: true });
  });
});

describe('the demo transport', () => {
  it('has the seed’s three buses to Universidad del Istmo, with no times the seed does not give', async () => {
    const { listRoutes } = await import('../src/features/registration/transport/list-routes');
    const { events } = await import('../src/features/programme/schema');
    const forum = (await database.db.select().from(events)).find((e) => e.kind === 'forum')!;
    const routes = await listRoutes(database.db, forum.id);
    expect(routes.map((r) => r.stops[0]!.name)).toEqual([
      'Universidad de San Carlos de Guatemala',
      'Universidad de San Carlos de Guatemala',
      'Gasolinera Puma, Boulevard Los Próceres, zona 10',
    ]);
    expect(routes.every((r) => r.stops.at(-1)!.name.startsWith('Universidad del Istmo'))).toBe(
      true,
    );
    expect(routes.every((r) => !r.departsAt && !r.returnsAt && r.stops.every((s) => !s.time))).toBe(
      true,
    );
    expect(routes.map((r) => [r.seats, r.left])).toEqual([
      [50, 50],
      [50, 50],
      [50, 50],
    ]);
  });
});

describe('the demo money', () => {
  it('shows exactly US$6,000 received in cash, US$2,500 pledged and not received, and the in-kind list', async () => {
    const { loadMoney, balances } = await import('../src/features/money/queries');
    const { readMoneyFile } = await import('./load-money');
    const { editions } = await import('../src/features/programme/schema');
    const { formatMoney } = await import('../src/lib/format');
    const [edition] = await database.db
      .select()
      .from(editions)
      .where(eq(editions.slug, 'igf-guatemala-2018'));
    const money = await loadMoney(database.db, edition!.id);
    const [usd, ...others] = balances(money);
    expect(others).toEqual([]);
    expect(usd!.currency).toBe('USD');
    expect(formatMoney({ amountMinor: usd!.received, currency: 'USD' }, 'en')).toBe('$6,000.00');
    expect(usd!.outstanding).toBe(250_000);
    expect(usd!.spent).toBe(0);
    const received = Object.fromEntries(
      money.cash.filter((c) => c.status === 'received').map((c) => [c.donor, c.receivedMinor]),
    );
    expect(received).toEqual({
      'IGF Support Association': 200_000,
      'Internet Society': 350_000,
      SISAP: 50_000,
    });
    expect(money.cash.filter((c) => c.status === 'pledged').map((c) => c.donor)).toEqual([
      'Google',
    ]);
    expect(money.inKind).toHaveLength(readMoneyFile().inKind.length);
    const valued = money.inKind.filter((c) => c.amountMinor !== null);
    expect(valued.map((c) => [c.donor, c.amountMinor])).toEqual([
      ['Universidad del Istmo', 39_300],
    ]);
    expect(usd!.inKind).toBe(39_300);
  });
});
