import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../tests/support/factories';
import { eventWithRegistrants } from '../../../tests/support/checkin-factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Edition } from '../programme/schema';
import { cancelRegistration } from '../registration/change-status';
import { busPlace, deskPlace, parsePlace, ticketCodeOf } from './places';
import { busCounts, codeDigest, deskRoster, deskState, searchRegistrants } from './queries';
import { recordCheckins, type CheckinItem } from './record-checkins';
import { checkins } from './schema';
import { undoCheckin } from './undo-checkin';

let t: TestApp;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  const initiative = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative });
});
afterAll(() => t.close());

const item = (registrationId: string, o: Partial<CheckinItem> = {}): CheckinItem => ({
  id: randomUUID(),
  registrationId,
  place: deskPlace,
  stop: null,
  deskName: 'Mesa 1',
  at: new Date(),
  ...o,
});

describe('recording check-ins', () => {
  it('stores a re-sent check-in once and reports it as a duplicate', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 2 });
    const first = item(people[0]!.id);
    const sent = await recordCheckins({
      db: t.db,
      eventId: event.id,
      userId: null,
      items: [first],
    });
    expect(sent).toEqual([{ id: first.id, result: 'recorded' }]);
    const again = await recordCheckins({
      db: t.db,
      eventId: event.id,
      userId: null,
      items: [first, first],
    });
    expect(again.map((r) => r.result)).toEqual(['duplicate', 'duplicate']);
    const rows = await t.db.select().from(checkins).where(eq(checkins.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect((await deskState(t.db, { eventId: event.id, place: deskPlace })).counts).toEqual({
      checkedIn: 1,
      registered: 2,
      conflicts: 0,
    });
  });

  it('keeps a second desk’s check-in of the same person as a conflict, counted once', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const a = item(people[0]!.id, { deskName: 'Mesa 1' });
    const b = item(people[0]!.id, { deskName: 'Mesa 2' });
    await recordCheckins({ db: t.db, eventId: event.id, userId: null, items: [a] });
    const [result] = await recordCheckins({
      db: t.db,
      eventId: event.id,
      userId: null,
      items: [b],
    });
    expect(result).toEqual({ id: b.id, result: 'conflict', conflictWith: a.id });
    const state = await deskState(t.db, { eventId: event.id, place: deskPlace });
    expect(state.counts.checkedIn).toBe(1);
    expect(state.conflicts).toEqual([
      expect.objectContaining({ id: b.id, deskName: 'Mesa 2', firstDesk: 'Mesa 1' }),
    ]);
  });

  it('rejects a registration of another event, a bus of another event and an unknown stop', async () => {
    const one = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1, bus: true });
    const other = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1, bus: true });
    const results = await recordCheckins({
      db: t.db,
      eventId: one.event.id,
      userId: null,
      items: [
        item(other.people[0]!.id),
        item(one.people[0]!.id, { place: busPlace(other.routeId!, 'outbound') }),
        item(one.people[0]!.id, { place: busPlace(one.routeId!, 'outbound'), stop: 'Zona 1' }),
        item(one.people[0]!.id, { place: 'bus:nonsense' }),
        item(one.people[0]!.id, {
          place: busPlace(one.routeId!, 'outbound'),
          stop: 'Universidad del Istmo',
        }),
      ],
    });
    expect(results.map((r) => r.result)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'recorded',
    ]);
  });

  it('lets two desks race for the same person and still counts them once', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const tries = Array.from({ length: 6 }, (_, i) =>
      item(people[0]!.id, { deskName: `Mesa ${i}` }),
    );
    const results = await Promise.all(
      tries.map((x) => recordCheckins({ db: t.db, eventId: event.id, userId: null, items: [x] })),
    );
    const outcomes = results.flat().map((r) => r.result);
    expect(outcomes.filter((r) => r === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((r) => r === 'conflict')).toHaveLength(5);
    const counted = await t.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.eventId, event.id), eq(checkins.outcome, 'recorded')));
    expect(counted).toHaveLength(1);
  });
});

describe('undoing a check-in', () => {
  it('stops counting it, and lets the person be checked in again', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const a = item(people[0]!.id);
    await recordCheckins({ db: t.db, eventId: event.id, userId: null, items: [a] });
    expect(
      (await undoCheckin({ db: t.db, eventId: event.id, id: a.id, userId: null })).result,
    ).toBe('undone');
    expect(
      (await undoCheckin({ db: t.db, eventId: event.id, id: a.id, userId: null })).result,
    ).toBe('already_undone');
    expect((await deskState(t.db, { eventId: event.id, place: deskPlace })).counts.checkedIn).toBe(
      0,
    );
    const [again] = await recordCheckins({
      db: t.db,
      eventId: event.id,
      userId: null,
      items: [item(people[0]!.id)],
    });
    expect(again!.result).toBe('recorded');
  });

  it('counts the other desk’s check-in when the counted one is undone', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const a = item(people[0]!.id, { at: new Date('2018-10-25T14:00:00Z') });
    const b = item(people[0]!.id, { at: new Date('2018-10-25T14:01:00Z'), deskName: 'Mesa 2' });
    await recordCheckins({ db: t.db, eventId: event.id, userId: null, items: [a, b] });
    await undoCheckin({ db: t.db, eventId: event.id, id: a.id, userId: null });
    const state = await deskState(t.db, { eventId: event.id, place: deskPlace });
    expect(state.checkins.map((c) => c.id)).toEqual([b.id]);
    expect(state.conflicts).toEqual([]);
  });

  it('does not undo a check-in of another event', async () => {
    const one = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const other = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    const a = item(one.people[0]!.id);
    await recordCheckins({ db: t.db, eventId: one.event.id, userId: null, items: [a] });
    expect(
      (await undoCheckin({ db: t.db, eventId: other.event.id, id: a.id, userId: null })).result,
    ).toBe('unknown');
    const [row] = await t.db.select().from(checkins).where(eq(checkins.id, a.id));
    expect(row!.undoneAt).toBeNull();
  });
});

describe('what the device keeps and finds', () => {
  it('keeps no e-mail and no ticket code, only its digest, and leaves cancelled people out', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 3 });
    await cancelRegistration({ db: t.db, registrationId: people[2]!.id });
    const roster = await deskRoster(t.db, { eventId: event.id });
    expect(roster).toHaveLength(2);
    const text = JSON.stringify(roster);
    expect(text).not.toContain('@example.org');
    expect(text).not.toContain(people[0]!.ticketCode);
    expect(roster[0]!.codeHash).toBe(codeDigest(event.id, people[0]!.ticketCode));
    expect(Object.keys(roster[0]!).sort()).toEqual(
      ['codeHash', 'id', 'institution', 'name', 'sample', 'status'].sort(),
    );
  });

  it('finds by name words, e-mail, institution and ticket code (as typed or as the QR reads)', async () => {
    const { event, people } = await eventWithRegistrants(t.db, { edition, secret: 's', n: 4 });
    const find = async (q: string) =>
      (await searchRegistrants(t.db, { eventId: event.id, q })).map((r) => r.id);
    expect(await find('participante 0003')).toEqual([people[2]!.id]);
    expect(await find('p4@example.org')).toEqual([people[3]!.id]);
    expect(await find('istmo')).toEqual([people[1]!.id, people[3]!.id]);
    expect(await find(people[0]!.ticketCode.toLowerCase())).toEqual([people[0]!.id]);
    expect(await find(`CONVOCA-TICKET:${people[1]!.ticketCode}`)).toEqual([people[1]!.id]);
    expect(await find('nadie')).toEqual([]);
  });

  it('reads places and codes strictly', () => {
    const id = randomUUID();
    expect(parsePlace(busPlace(id, 'return'))).toEqual({
      kind: 'bus',
      routeId: id,
      trip: 'return',
    });
    expect(parsePlace(`bus:${id}:sideways`)).toBeNull();
    expect(parsePlace('door')).toBeNull();
    expect(ticketCodeOf(' convoca-ticket:k7m2p9qrst ')).toBe('K7M2P9QRST');
    expect(ticketCodeOf('Ana')).toBeNull();
  });
});

describe('bus boarding', () => {
  it('counts passengers per trip and stop, separately from the desk', async () => {
    const { event, people, routeId } = await eventWithRegistrants(t.db, {
      edition,
      secret: 's',
      n: 4,
      bus: true,
    });
    const out = busPlace(routeId!, 'outbound');
    const back = busPlace(routeId!, 'return');
    await recordCheckins({
      db: t.db,
      eventId: event.id,
      userId: null,
      items: [
        item(people[0]!.id, { place: out, stop: 'Universidad de San Carlos de Guatemala' }),
        item(people[1]!.id, { place: out, stop: 'Universidad de San Carlos de Guatemala' }),
        item(people[2]!.id, { place: out, stop: 'Puma, Boulevard Los Próceres' }),
        item(people[0]!.id, { place: back, stop: 'Universidad del Istmo' }),
        item(people[0]!.id, { place: deskPlace }),
      ],
    });
    const [bus] = await busCounts(t.db, event.id);
    expect(bus).toMatchObject({ riders: 4, seats: 4 });
    expect(bus!.trips).toEqual([
      {
        trip: 'outbound',
        boarded: 3,
        stops: [
          { stop: 'Universidad de San Carlos de Guatemala', boarded: 2 },
          { stop: 'Puma, Boulevard Los Próceres', boarded: 1 },
        ],
      },
      { trip: 'return', boarded: 1, stops: [{ stop: 'Universidad del Istmo', boarded: 1 }] },
    ]);
    const state = await deskState(t.db, { eventId: event.id, place: out, routeId: routeId! });
    expect(state.counts).toEqual({ checkedIn: 3, registered: 4, conflicts: 0 });
    const stillIn = await t.db
      .select()
      .from(checkins)
      .where(
        and(
          eq(checkins.place, deskPlace),
          isNull(checkins.undoneAt),
          eq(checkins.eventId, event.id),
        ),
      );
    expect(stillIn).toHaveLength(1);
  });
});
