import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildUser } from '../../../tests/support/factories';
import { baseRoles, roleAgents, type BaseRole } from '../../../tests/support/role-agents';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import type { Initiative } from '../initiatives/schema';
import { peopleImports } from '../../features/network/import/schema';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../tests/support/programme-factories';
import { invitePeople } from '../../features/registration/invitations/invite-people';
import { saveRoute } from '../../features/registration/transport/save-route';
import { buildMoney } from '../../../tests/support/money-factories';

/**
 * Who may open each page, for every role: not signed in (→ sign-in), an account with no role,
 * an administrator, each initiative role in initiative A, a volunteer whose access expired, and
 * the coordinator of another initiative B.
 */
type Role = BaseRole;
const roles = baseRoles;

const ok = 200;
const login = 303;
const no = 403;
/** Rows written before the finance role: a finance member opens what a moderator opens. */
type Expected = Record<Exclude<Role, 'finance'>, number> & { finance?: number };
// prettier-ignore
const matrix: [path: string, expected: Expected][] = [
  ['/', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/institutions', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/account', { anonymous: login, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/account/sessions', { anonymous: login, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/account/tokens', { anonymous: login, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/account/data', { anonymous: login, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/admin', { anonymous: login, user: no, admin: ok, coordinator: no, organiser: no, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/admin/audit', { anonymous: login, user: no, admin: ok, coordinator: no, organiser: no, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/admin/outbox', { anonymous: login, user: no, admin: ok, coordinator: no, organiser: no, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/admin/initiatives', { anonymous: login, user: no, admin: ok, coordinator: no, organiser: no, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/members', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people/new', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people/import', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/network/institutions', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: ok }],
  ['/network/map', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: ok }],
  ['/network/institutions/{institution}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: ok }],
  ['/network/institutions/{institution}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: ok }],
  ['/i/A/people/{person}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people/{person}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people/{person}/merge', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/people/export/csv', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/new', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/rooms', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/rooms/{room}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/sessions/new', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/sessions/{session}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/sessions/{session}/delete', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/import', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/registration', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/registrations', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/registrations/export/csv', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/e/{edition}/events/{event}/register', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/i/A/editions/{edition}/events/{event}/registrations/message', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/invitations', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/invitations/remind', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/invitations/export/csv', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/invitations/export/xlsx', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i-rsvp/{rsvp}', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/i/A/editions/{edition}/events/{event}/transport', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/transport/{route}/edit', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/transport/{route}/manifest', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/transport/{route}/manifest/export/csv', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/events/{event}/transport/{route}/manifest/export/xlsx', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/e/{edition}', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/e/{edition}/programme', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/e/{edition}/changes', { anonymous: ok, user: ok, admin: ok, coordinator: ok, organiser: ok, moderator: ok, volunteer: ok, expiredVolunteer: ok, otherCoordinator: ok }],
  ['/i/A/imports/{import}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: ok, moderator: no, volunteer: no, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/money', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money/contributions/{contribution}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money/donors/{institution}', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money/export/csv', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money/export/xlsx', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
  ['/i/A/editions/{edition}/money/expenses/{expense}/receipt', { anonymous: login, user: no, admin: ok, coordinator: ok, organiser: no, moderator: no, volunteer: no, finance: ok, expiredVolunteer: no, otherCoordinator: no }],
];

let t: TestApp;
let a: Initiative;
const ids: Record<string, string> = {};
let agents: Map<Role, Agent>;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  ({ agents } = await roleAgents(t, { initiative: a, other: b }));
  ids.person = (await buildPerson(t.db, { initiative: a, name: 'Persona de A' })).id;
  ids.institution = (await buildInstitution(t.db)).id;
  const [imp] = await t.db
    .insert(peopleImports)
    .values({
      initiativeId: a.id,
      filename: 'x.csv',
      status: 'mapping',
      headers: ['name'],
      rows: [['Ana']],
      mapping: { name: 0 },
    })
    .returning();
  ids.import = imp!.id;
  const edition = await buildEdition(t.db, { initiative: a });
  const event = await buildEvent(t.db, { edition });
  ids.edition = edition.slug;
  ids.event = event.id;
  ids.room = await buildRoom(t.db, { event });
  ids.session = await buildSession(t.db, { initiative: a, event });
  const invited = await invitePeople(t.deps, {
    eventId: event.id,
    initiativeId: a.id,
    invitees: [{ name: 'Invitada', email: 'invitada@example.org', representing: null }],
  });
  ids.rsvp = invited.invited[0]!.token;
  ids.route = await saveRoute({
    db: t.db,
    eventId: event.id,
    input: {
      name: 'Bus',
      stops: [{ name: 'USAC', time: null }],
      departsAt: null,
      returnsAt: null,
      seats: 50,
    },
  });
  Object.assign(ids, await buildMoney(t.db, { edition, institutionId: ids.institution }));
});
afterAll(() => t.close());

describe.each(matrix)('GET %s', (path, expected) => {
  it.each(roles)('as %s', async (role) => {
    const url = path
      .replace('/i/A/', `/i/${a.slug}/`)
      .replace(/\{(\w+)\}/g, (_m, key: string) => ids[key]!);
    const res = await agents.get(role)!.get(url);
    expect(res.status).toBe(
      role === 'finance' ? (expected.finance ?? expected.moderator) : expected[role],
    );
    if (res.status === login) expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('publishing a programme', () => {
  it.each(roles)(
    'only coordinators, organisers and administrators may publish — %s',
    async (role) => {
      const res = await agents
        .get(role)!
        .post(`/i/${a.slug}/editions/${ids.edition}/events/${ids.event}/publish`, {});
      const allowed = role === 'coordinator' || role === 'organiser' || role === 'admin';
      expect(res.status).toBe(allowed ? 303 : role === 'anonymous' ? 401 : 403);
    },
  );
});

describe('changing the team', () => {
  it.each(roles)('only coordinators and administrators may add members — %s', async (role) => {
    const invitee = await buildUser(t.db);
    const res = await agents
      .get(role)!
      .post(`/i/${a.slug}/members`, { email: invitee.email, role: 'volunteer' });
    const allowed = role === 'coordinator' || role === 'admin';
    expect(res.status).toBe(allowed ? 303 : role === 'anonymous' ? 401 : 403);
    const team = await (await agents.get('admin')!.get(`/i/${a.slug}/members`)).text();
    expect(team.includes(invitee.name)).toBe(allowed);
  });
});
