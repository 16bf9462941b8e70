import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember } from '../../../tests/support/factories';
import {
  buildCommitteeMember,
  buildMeeting,
  buildTask,
} from '../../../tests/support/committee-factories';
import { buildInstitution } from '../../../tests/support/network-factories';
import { baseRoles, roleAgents, type BaseRole } from '../../../tests/support/role-agents';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import { addWorkingGroup } from './add-working-group';
import { createCalendarLink } from './meetings/calendar';

/**
 * Who may use each committee route, for every role: not signed in, an account with no role, an
 * administrator, each initiative role, an expired volunteer and another initiative's coordinator.
 * Decision 0015: coordinators (and admins) change the composition; coordinators and organisers
 * run meetings, minutes and tasks; moderators read; volunteers and finance have no access.
 */
type Role = BaseRole;
const roles = baseRoles;
const who = {
  view: new Set<Role>(['admin', 'coordinator', 'organiser', 'moderator']),
  edit: new Set<Role>(['admin', 'coordinator', 'organiser']),
  manage: new Set<Role>(['admin', 'coordinator']),
  signedIn: new Set<Role>(roles.filter((r) => r !== 'anonymous')),
  anyone: new Set<Role>(roles),
};
type Who = keyof typeof who;

const pages: [path: string, allowed: Who][] = [
  ['/i/A/committee', 'view'],
  ['/i/A/committee/settings', 'manage'],
  ['/i/A/committee/members/new', 'manage'],
  ['/i/A/committee/groups/new', 'manage'],
  ['/i/A/committee/groups/{group}', 'view'],
  ['/i/A/committee/meetings', 'view'],
  ['/i/A/committee/meetings/new', 'edit'],
  ['/i/A/committee/meetings/{meeting}', 'view'],
  ['/i/A/committee/meetings/{meeting}/record', 'edit'],
  ['/i/A/committee/tasks', 'view'],
  ['/i/A/committee/tasks/{task}', 'view'],
  ['/i/A/committee/activities', 'view'],
  ['/i/A/committee/calendar', 'view'],
  ['/account/tasks', 'signedIn'],
  ['/cal/{token}/committee.ics', 'anyone'],
];

/** Changes, each posted with a form that changes nothing (invalid, or a no-op). */
const changes: [path: string, allowed: Who, form: Record<string, string>][] = [
  ['/i/A/committee/settings', 'manage', {}],
  ['/i/A/committee/members', 'manage', {}],
  ['/i/A/committee/members/{member}/remove', 'manage', { personId: 'not-an-id' }],
  ['/i/A/committee/groups', 'manage', {}],
  ['/i/A/committee/groups/{group}/members', 'manage', {}],
  ['/i/A/committee/meetings', 'edit', {}],
  ['/i/A/committee/meetings/{meeting}/record', 'edit', { minutes: 'x'.repeat(50_001) }],
  ['/i/A/committee/meetings/{meeting}/approve', 'edit', {}],
  ['/i/A/committee/meetings/{meeting}/cancel', 'edit', { cancelled: 'maybe' }],
  ['/i/A/committee/meetings/{meeting}/tasks', 'edit', {}],
  ['/i/A/committee/tasks', 'edit', {}],
  ['/i/A/committee/tasks/{task}', 'edit', {}],
  ['/i/A/committee/tasks/{task}/comments', 'edit', {}],
  ['/i/A/committee/activities', 'edit', {}],
  ['/i/A/committee/calendar', 'view', {}],
];

let t: TestApp;
let a: Initiative;
const ids: Record<string, string> = {};
let agents: Map<Role, Agent>;
const url = (path: string) =>
  path.replace('/i/A/', `/i/${a.slug}/`).replace(/\{(\w+)\}/g, (_m, k: string) => ids[k]!);

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  const cast = await roleAgents(t, { initiative: a, other: b });
  agents = cast.agents;
  const coordinatorId = cast.users.get('coordinator')!.id;
  const institution = await buildInstitution(t.db, { stakeholderGroup: 'government' });
  const { memberId, person } = await buildCommitteeMember(t.db, {
    initiative: a,
    institutionId: institution.id,
    city: 'Guatemala',
  });
  ids.member = memberId;
  ids.group = (
    await addWorkingGroup(t.db, { initiativeId: a.id, input: { name: 'Petit', purpose: null } })
  ).id;
  ids.meeting = (await buildMeeting(t.db, { initiative: a })).id;
  ids.task = (await buildTask(t.db, { initiative: a, owner: { personId: person.id } })).id;
  ids.coordinator = coordinatorId;
  ids.token = (await createCalendarLink(t.db, { initiativeId: a.id, userId: coordinatorId })).token;
});
afterAll(() => t.close());

describe.each(pages)('GET %s', (path, allowed) => {
  it.each(roles)('as %s', async (role) => {
    const res = await agents.get(role)!.get(url(path));
    const expected = who[allowed].has(role) ? 200 : role === 'anonymous' ? 303 : 403;
    expect(res.status).toBe(expected);
    if (expected === 303) expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe.each(changes)('POST %s', (path, allowed, form) => {
  it.each(roles)('as %s', async (role) => {
    const res = await agents.get(role)!.post(url(path), form);
    if (who[allowed].has(role)) expect([200, 303, 422]).toContain(res.status);
    else expect(res.status).toBe(role === 'anonymous' ? 401 : 403);
  });
});

describe('a task’s status from my tasks', () => {
  it.each(roles)('is refused unless the task is yours — %s', async (role) => {
    const res = await agents
      .get(role)!
      .post(`/account/tasks/${ids.task}/status`, { status: 'done' });
    expect(res.status).toBe(role === 'anonymous' ? 401 : 404);
  });
});

describe('the calendar feed', () => {
  it('stops when its owner loses the role that lets them see the committee', async () => {
    const user = await buildMember(t.db, { initiative: a, role: 'volunteer' });
    const { token } = await createCalendarLink(t.db, { initiativeId: a.id, userId: user.id });
    expect((await t.app.request(`/cal/${token}/committee.ics`)).status).toBe(404);
    const mine = await createCalendarLink(t.db, { initiativeId: a.id, userId: ids.coordinator! });
    expect((await t.app.request(`/cal/${mine.token}/committee.ics`)).status).toBe(200);
    expect((await t.app.request(`/cal/${ids.token}/committee.ics`)).status).toBe(404);
  });
});
