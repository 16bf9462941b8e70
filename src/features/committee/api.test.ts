import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../tests/support/api-call';
import { buildInitiative, buildMember, buildUser } from '../../../tests/support/factories';
import { buildInstitution } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import type { TokenScope } from '../../core/api-tokens/schema';
import type { Initiative } from '../../core/initiatives/schema';

let t: TestApp;
let a: Initiative;
let base: string;
const users = new Map<string, User>();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  for (const role of ['coordinator', 'organiser', 'moderator', 'volunteer', 'finance'] as const)
    users.set(role, await buildMember(t.db, { initiative: a, role }));
  users.set('admin', await buildUser(t.db, { isAdmin: true }));
  users.set('user', await buildUser(t.db));
  users.set('otherCoordinator', await buildMember(t.db, { initiative: b, role: 'coordinator' }));
  base = `/api/v1/initiatives/${a.slug}/committee`;
});
afterAll(() => t.close());

/** Calls the API as the member `who` (a key of `users`), or without a token when null. */
const call = (
  who: string | null,
  scopes: TokenScope[],
  url: string,
  method?: string,
  payload?: unknown,
) => apiCall(t, who ? users.get(who)! : null, scopes, url, method, payload);
const rw: TokenScope[] = ['committee:read', 'committee:write'];

describe('who reads the committee through the API', () => {
  const readers = new Set(['coordinator', 'organiser', 'moderator', 'admin']);
  it.each([
    'coordinator',
    'organiser',
    'moderator',
    'volunteer',
    'finance',
    'admin',
    'user',
    'otherCoordinator',
  ])('%s', async (who) => {
    for (const path of ['', '/meetings', '/tasks']) {
      const res = await call(who, ['committee:read'], `${base}${path}`);
      expect(res.status).toBe(readers.has(who) ? 200 : 403);
    }
  });
  it('needs a token with the scope', async () => {
    expect((await call(null, [], base)).status).toBe(401);
    expect((await call('coordinator', ['money:read'], base)).status).toBe(403);
  });
});

describe('the committee through the API', () => {
  it('adds members (coordinators only) and reports the IGF rule check', async () => {
    const gov = await buildInstitution(t.db, { stakeholderGroup: 'government' });
    const uni = await buildInstitution(t.db, { stakeholderGroup: 'academia' });
    const ngo = await buildInstitution(t.db, { stakeholderGroup: 'civil_society', country: 'HN' });
    const organiser = await call('organiser', rw, `${base}/members`, 'POST', {
      institutionId: gov.id,
    });
    expect(organiser.status).toBe(403);
    const add = (institutionId: string, name: string, gender: string, email?: string) =>
      call('coordinator', rw, `${base}/members`, 'POST', {
        institutionId,
        city: 'Guatemala',
        newPerson: { name, gender, ...(email ? { email } : {}) },
      });
    expect((await add(gov.id, 'Ana', 'woman', 'ana-api@example.org')).status).toBe(200);
    let body = await (await add(uni.id, 'Luis', 'man')).json();
    expect(body.rules.allMet).toBe(false);
    expect(body.rules.stakeholders).toMatchObject({ status: 'missing', needed: 1 });
    const taken = await add(ngo.id, 'Otra', 'woman', 'ana-api@example.org');
    expect(taken.status).toBe(422);
    expect((await taken.json()).error.fields['newPerson.email']).toMatch(/ya es de alguien/);
    body = await (await add(ngo.id, 'Marta', 'woman')).json();
    expect(body.rules).toMatchObject({
      allMet: true,
      regional: { status: 'met', countries: ['GT', 'HN'] },
    });
    expect(body.members).toHaveLength(3);
  });

  it('schedules a cadence, records and approves minutes, creates and updates a task', async () => {
    const created = await call('organiser', rw, `${base}/meetings`, 'POST', {
      title: 'Petit comité',
      kind: 'weekly',
      weekdays: [2, 4],
      startsOn: '2030-10-01',
      endsOn: '2030-10-14',
      time: '18:00',
    });
    expect(created.status).toBe(201);
    const meetings = await created.json();
    expect(meetings.map((m: { startsAt: string }) => m.startsAt)).toEqual([
      '2030-10-02T00:00:00.000Z',
      '2030-10-04T00:00:00.000Z',
      '2030-10-09T00:00:00.000Z',
      '2030-10-11T00:00:00.000Z',
    ]);
    const bad = await call('organiser', rw, `${base}/meetings`, 'POST', {
      title: 'x',
      kind: 'daily',
      startsOn: '2030-10-10',
      endsOn: '2030-10-01',
      time: '18:00',
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty('startsOn');

    const url = `${base}/meetings/${meetings[0].id}`;
    const detail = await (await call('moderator', ['committee:read'], url)).json();
    expect(detail.expected).toHaveLength(3);
    const recorded = await call('organiser', rw, `${url}/record`, 'PUT', {
      agenda: ['Temas'],
      attended: [detail.expected[0].personId],
      minutes: '## Acta',
      decisions: ['Seis temas'],
    });
    expect(recorded.status).toBe(200);
    expect((await recorded.json()).minutesStatus).toBe('draft');
    expect((await call('moderator', rw, `${url}/approve`, 'POST')).status).toBe(403);
    const approved = await call('organiser', rw, `${url}/approve`, 'POST');
    expect(await approved.json()).toEqual({ sent: 1 });
    expect((await call('organiser', rw, `${url}/approve`, 'POST')).status).toBe(422);

    const task = await call('organiser', rw, `${base}/tasks`, 'POST', {
      title: 'Invitar a la prensa',
      ownerPersonId: detail.expected[0].personId,
      dueOn: '2030-10-05',
      meetingId: meetings[0].id,
    });
    expect(task.status).toBe(201);
    const { id } = await task.json();
    const neither = await call('organiser', rw, `${base}/tasks`, 'POST', { title: 'Sin dueño' });
    expect(neither.status).toBe(422);
    const patched = await call('coordinator', rw, `${base}/tasks/${id}`, 'PATCH', {
      status: 'done',
    });
    expect((await patched.json()).status).toBe('done');
    const done = await (
      await call('moderator', ['committee:read'], `${base}/tasks?status=done`)
    ).json();
    expect(done.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  it('is described in a valid OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{slug}/committee',
        '/api/v1/initiatives/{slug}/committee/members',
        '/api/v1/initiatives/{slug}/committee/meetings',
        '/api/v1/initiatives/{slug}/committee/meetings/{meeting}/record',
        '/api/v1/initiatives/{slug}/committee/tasks/{task}',
      ]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
  });
});
