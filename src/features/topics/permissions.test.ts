import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { apiCall } from '../../../tests/support/api-call';
import { buildInitiative } from '../../../tests/support/factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { baseRoles, roleAgents, type BaseRole } from '../../../tests/support/role-agents';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildTopic, openTopicCall } from '../../../tests/support/topics-factories';
import type { User } from '../../core/accounts/schema';
import type { TokenScope } from '../../core/api-tokens/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition } from '../programme/schema';

/**
 * Every topics route for every role: not signed in, an account with no role, an administrator,
 * each initiative role, a volunteer whose access expired and another initiative's coordinator.
 * Only coordinators, organisers and administrators review topics; anyone may read the public
 * page and propose while the call is open.
 */
type Role = BaseRole;
const roles = baseRoles;
const reviewers = new Set<Role>(['admin', 'coordinator', 'organiser']);

let t: TestApp;
let a: Initiative;
let edition: Edition;
let agents: Map<Role, Agent>;
let users: Map<Role, User>;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  ({ agents, users } = await roleAgents(t, { initiative: a, other: b }));
  edition = await buildEdition(t.db, { initiative: a });
  await openTopicCall(t.db, { edition });
});
afterAll(() => t.close());

let n = 0;
/** A fresh topic in the state an action needs. */
async function topicIn(state: 'proposed' | 'shortlisted' | 'selected') {
  n += 1;
  const topic = await buildTopic(t.db, {
    edition,
    origin: 'committee',
    status: state,
    trackName: `Eje ${n}`,
    title: `Tema de prueba ${n}`,
    reason: null,
    stakeholderGroup: null,
    proposerName: 'Nombre privado',
  });
  return topic.id;
}

const manage = () => `/i/${a.slug}/editions/${edition.slug}/topics`;

describe('topic pages', () => {
  it.each(roles)('public page and proposal form are open to anyone — %s', async (role) => {
    const agent = agents.get(role)!;
    expect((await agent.get(`/e/${edition.slug}/topics`)).status).toBe(200);
    expect((await agent.get(`/e/${edition.slug}/topics/propose`)).status).toBe(200);
    const res = await agent.post(`/e/${edition.slug}/topics/propose`, {
      title: `Propuesta de ${role}`,
      reason: 'Una razón suficientemente larga.',
      stakeholderGroup: 'academia',
    });
    expect(res.status).toBe(303);
  });

  it.each(roles)('the committee’s pages — %s', async (role) => {
    const agent = agents.get(role)!;
    const id = await topicIn('proposed');
    const list = await agent.get(manage());
    const one = await agent.get(`${manage()}/${id}`);
    const add = await agent.get(`${manage()}/new`);
    for (const res of [list, one, add]) {
      if (role === 'anonymous') {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
      } else expect(res.status).toBe(reviewers.has(role) ? 200 : 403);
    }
    if (reviewers.has(role)) expect(await one.text()).toContain('Nombre privado');
  });

  const actions: [string, 'proposed' | 'shortlisted' | 'selected', Record<string, string>][] = [
    ['shortlist', 'proposed', {}],
    ['vote', 'shortlisted', { vote: 'yes' }],
    ['reject', 'shortlisted', { reason: 'Fuera de alcance' }],
    ['select', 'shortlisted', { trackName: 'Eje elegido' }],
    ['unselect', 'selected', {}],
    ['delete', 'proposed', {}],
    ['forget-proposer', 'selected', {}],
  ];
  describe.each(actions)('POST %s', (action, state, form) => {
    it.each(roles)('as %s', async (role) => {
      const id = await topicIn(state);
      const fields = action === 'select' ? { trackName: `Eje elegido por ${role}` } : form;
      const res = await agents.get(role)!.post(`${manage()}/${id}/${action}`, fields);
      expect(res.status).toBe(reviewers.has(role) ? 303 : role === 'anonymous' ? 401 : 403);
    });
  });

  it.each(roles)('POST merge, a committee topic and the call — %s', async (role) => {
    const [id, into] = [await topicIn('proposed'), await topicIn('proposed')];
    const agent = agents.get(role)!;
    const expected = reviewers.has(role) ? 303 : role === 'anonymous' ? 401 : 403;
    expect((await agent.post(`${manage()}/${id}/merge`, { into })).status).toBe(expected);
    const added = await agent.post(`${manage()}/new`, { title: `Tema del comité ${role}` });
    expect(added.status).toBe(expected);
    const call = await agent.post(`${manage()}/call`, {
      opensAt: '2020-01-01T10:00',
      closesAt: '2099-01-01T10:00',
    });
    expect(call.status).toBe(expected);
  });
});

describe('topics API', () => {
  const base = () => `/api/v1/initiatives/${a.slug}/editions/${edition.slug}`;
  const call = (
    role: Role,
    scopes: TokenScope[],
    url: string,
    method?: string,
    payload?: unknown,
  ) => apiCall(t, users.get(role) ?? null, scopes, url, method, payload);
  const rw: TokenScope[] = ['topics:read', 'topics:write'];

  it.each(roles)('every route as %s', async (role) => {
    const ok = (status: number) =>
      role === 'anonymous' ? 401 : reviewers.has(role) ? status : 403;
    const proposed = await topicIn('proposed');
    const shortlisted = await topicIn('shortlisted');
    const selected = await topicIn('selected');
    const other = await topicIn('proposed');
    const rejectable = await topicIn('proposed');
    const spam = await topicIn('proposed');
    const cases: [string, string, unknown, number][] = [
      ['GET', `${base()}/topics`, undefined, 200],
      ['POST', `${base()}/topics`, { title: `Tema de la API ${role}` }, 201],
      ['GET', `${base()}/topic-call`, undefined, 200],
      [
        'PUT',
        `${base()}/topic-call`,
        { opensAt: null, closesAt: null, noteEs: null, noteEn: null },
        200,
      ],
      ['POST', `${base()}/topics/${proposed}/shortlist`, {}, 200],
      ['POST', `${base()}/topics/${shortlisted}/vote`, {}, 200],
      ['DELETE', `${base()}/topics/${shortlisted}/vote`, undefined, 200],
      ['POST', `${base()}/topics/${shortlisted}/select`, { trackName: `API ${role}` }, 200],
      ['POST', `${base()}/topics/${selected}/unselect`, {}, 200],
      ['POST', `${base()}/topics/${other}/merge`, { into: proposed }, 200],
      ['DELETE', `${base()}/topics/${spam}`, undefined, 204],
      ['POST', `${base()}/topics/${rejectable}/reject`, { reason: 'Duplicado de otro' }, 200],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await call(role, rw, url, method, payload);
      expect([method, url, res.status]).toEqual([method, url, ok(status)]);
      if (!reviewers.has(role)) expect(await res.text()).not.toContain('Nombre privado');
    }
    // Reopen the call for the page tests that follow.
    await openTopicCall(t.db, { edition });
  });

  it('refuses a coordinator’s token without the topics scope', async () => {
    for (const [method, url] of [
      ['GET', `${base()}/topics`],
      ['POST', `${base()}/topics`],
    ] as const) {
      const payload = method === 'GET' ? undefined : { title: 'Sin permiso' };
      const res = await call(
        'coordinator',
        ['programme:read', 'programme:write'],
        url,
        method,
        payload,
      );
      expect(res.status).toBe(403);
    }
    const readOnly = await call('coordinator', ['topics:read'], `${base()}/topics`, 'POST', {
      title: 'Solo lectura',
    });
    expect(readOnly.status).toBe(403);
  });

  it('shows the vote and the tally, and a broken rule as 422 beside the field', async () => {
    const id = await topicIn('proposed');
    const early = await call('organiser', rw, `${base()}/topics/${id}/vote`, 'POST', {});
    expect(early.status).toBe(422);
    await call('organiser', rw, `${base()}/topics/${id}/shortlist`, 'POST', {});
    await call('organiser', rw, `${base()}/topics/${id}/vote`, 'POST', {});
    const voted = await call('coordinator', rw, `${base()}/topics/${id}/vote`, 'POST', {});
    expect(await voted.json()).toMatchObject({ votes: 2, myVote: true, status: 'shortlisted' });
    const taken = await topicIn('shortlisted');
    await call('organiser', rw, `${base()}/topics/${id}/select`, 'POST', { trackName: 'Único' });
    const dup = await call('organiser', rw, `${base()}/topics/${taken}/select`, 'POST', {
      trackName: 'único',
    });
    expect(dup.status).toBe(422);
    expect((await dup.json()).error.fields.trackName).toBe(
      'Ya hay un eje con este nombre en la edición.',
    );
  });
});
