import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../tests/support/api-call';
import { eventWithRegistrants, giveDeskAccess } from '../../../tests/support/checkin-factories';
import { buildInitiative, buildMember } from '../../../tests/support/factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import type { TokenScope } from '../../core/api-tokens/schema';
import type { Registration } from '../registration/schema';
import { busPlace } from './places';

let t: TestApp;
let volunteer: User;
let moderator: User;
let otherCoordinator: User;
let otherEventVolunteer: User;
let people: Registration[];
let routeId: string;
let path: string;
beforeAll(async () => {
  t = await createTestApp();
  const a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
  moderator = await buildMember(t.db, { initiative: a, role: 'moderator' });
  otherCoordinator = await buildMember(t.db, { initiative: b, role: 'coordinator' });
  const edition = await buildEdition(t.db, { initiative: a });
  const built = await eventWithRegistrants(t.db, { edition, secret: 's', n: 3, bus: true });
  people = built.people;
  routeId = built.routeId!;
  path = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/events/${built.event.id}/checkins`;
  await giveDeskAccess(t.db, { eventId: built.event.id, initiativeId: a.id, user: volunteer });
  const other = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
  otherEventVolunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
  await giveDeskAccess(t.db, {
    eventId: other.event.id,
    initiativeId: a.id,
    user: otherEventVolunteer,
  });
});
afterAll(() => t.close());

const rw: TokenScope[] = ['checkin:read', 'checkin:write'];
const checkin = (registrationId: string, o: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  registrationId,
  place: 'desk',
  deskName: 'API',
  at: '2018-10-25T08:02:00-06:00',
  ...o,
});

describe('the check-in API', () => {
  it('records a batch idempotently, reports conflicts, undoes, lists and counts', async () => {
    const a = checkin(people[0]!.id);
    const b = checkin(people[1]!.id);
    const dup = checkin(people[0]!.id, { deskName: 'Other desk' });
    const bus = checkin(people[2]!.id, {
      place: busPlace(routeId, 'outbound'),
      stop: 'Universidad de San Carlos de Guatemala',
    });
    const res = await apiCall(t, volunteer, rw, path, 'POST', { items: [a, b, a, dup, bus] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown }).results).toEqual([
      { id: a.id, result: 'recorded' },
      { id: b.id, result: 'recorded' },
      { id: a.id, result: 'duplicate' },
      { id: dup.id, result: 'conflict', conflictWith: a.id },
      { id: bus.id, result: 'recorded' },
    ]);
    const undo = await apiCall(t, volunteer, rw, `${path}/${b.id}/undo`, 'POST');
    expect(undo.status).toBe(200);
    expect(((await undo.json()) as { result: string }).result).toBe('undone');
    const list = (await (await apiCall(t, volunteer, rw, `${path}?place=desk`)).json()) as {
      items: { id: string; outcome: string; undoneAt: string | null }[];
    };
    expect(list.items.map((i) => [i.id, i.outcome, i.undoneAt !== null])).toEqual([
      [a.id, 'recorded', false],
      [b.id, 'recorded', true],
      [dup.id, 'conflict', false],
    ]);
    const counts = (await (await apiCall(t, volunteer, rw, `${path}/counts`)).json()) as {
      desk: unknown;
      buses: { trips: { trip: string; boarded: number }[] }[];
    };
    expect(counts.desk).toEqual({ checkedIn: 1, registered: 3, conflicts: 1 });
    expect(counts.buses[0]!.trips.map((x) => [x.trip, x.boarded])).toEqual([
      ['outbound', 1],
      ['return', 0],
    ]);
  });

  it('explains a malformed item beside its field and refuses an unknown check-in', async () => {
    const bad = await apiCall(t, volunteer, rw, path, 'POST', { items: [{ id: 'x' }] });
    expect(bad.status).toBe(422);
    expect(
      Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields),
    ).toContain('items.0.id');
    expect((await apiCall(t, volunteer, rw, `${path}/${randomUUID()}/undo`, 'POST')).status).toBe(
      404,
    );
  });

  it('needs the scope, and a role that works this event’s desk', async () => {
    expect(
      (
        await apiCall(t, volunteer, ['checkin:read'], path, 'POST', {
          items: [checkin(people[0]!.id)],
        })
      ).status,
    ).toBe(403);
    expect((await apiCall(t, volunteer, ['registration:read'], path)).status).toBe(403);
    expect((await apiCall(t, moderator, rw, path)).status).toBe(403);
    expect((await apiCall(t, otherCoordinator, rw, path)).status).toBe(403);
    expect((await apiCall(t, otherEventVolunteer, rw, path)).status).toBe(403);
    expect((await t.app.request(path)).status).toBe(401);
  });

  it('is described in a valid OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    const base = '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/checkins';
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([base, `${base}/{checkin}/undo`, `${base}/counts`]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
  });
});
