import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildUser, signedInAgent } from '../../../tests/support/factories';
import { buildEdition, buildEvent, buildSession } from '../../../tests/support/programme-factories';
import { baseRoles, roleAgents, type BaseRole } from '../../../tests/support/role-agents';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { ProgrammeEvent } from '../programme/schema';
import { addVolunteer } from './add-volunteer';
import { insertRegistration } from './event-day-fixtures';
import { giveVolunteerAccess } from './give-volunteer-access';

/**
 * Who may open each event-day page of event E (in the future), for every role: not signed in,
 * an account with no role, an administrator, each initiative role in A (the bare `volunteer`
 * membership included), a volunteer whose membership expired, another initiative's coordinator,
 * E's volunteer with access, a volunteer of another event F of A, and a volunteer of a past event
 * of A (whose access ended).
 */
type Role = BaseRole | 'eventVolunteer' | 'otherEventVolunteer' | 'pastEventVolunteer';
const roles: Role[] = [...baseRoles, 'eventVolunteer', 'otherEventVolunteer', 'pastEventVolunteer'];
const managers: Role[] = ['admin', 'coordinator', 'organiser'];
const counters: Role[] = [...managers, 'eventVolunteer'];
const signedIn = roles.filter((r) => r !== 'anonymous');

// prettier-ignore
const pages: [path: string, allowed: Role[]][] = [
  ['{E}/volunteers', managers],
  ['{E}/volunteers/print', managers],
  ['{E}/volunteers/{volunteer}', managers],
  ['{E}/room-counts', counters],
  ['{E}/room-counts/{session}', counters],
  ['{E}/attendance', managers],
  ['{E}/badges', managers],
  ['{E}/badges/pdf', managers],
  ['{E}/badges/{registration}/pdf', managers],
  ['/my/volunteering', signedIn],
];

let t: TestApp;
let a: Initiative;
let path: string;
let theEvent: ProgrammeEvent;
const ids: Record<string, string> = {};
let agents: Map<Role, Agent>;

async function volunteerOn(event: ProgrammeEvent, user: User) {
  const v = await addVolunteer(t.db, {
    event,
    initiativeId: a.id,
    input: { name: user.name, email: user.email, institution: null, lang: 'es' },
  });
  await giveVolunteerAccess(t.db, { volunteerId: v.id, initiativeId: a.id });
  return v.id;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  const edition = await buildEdition(t.db, { initiative: a });
  const future = `${new Date().getUTCFullYear() + 1}-05-20`;
  const event = await buildEvent(t.db, { edition, day: future });
  const otherEvent = await buildEvent(t.db, { edition, day: future });
  const pastEvent = await buildEvent(t.db, { edition, day: '2018-10-25' });
  path = `/i/${a.slug}/editions/${edition.slug}/events/${event.id}`;
  ids.session = await buildSession(t.db, { initiative: a, event });
  ids.registration = (await insertRegistration(t.db, { eventId: event.id, name: 'Ana' })).id;
  agents = new Map<Role, Agent>((await roleAgents(t, { initiative: a, other: b })).agents);
  const eventVolunteer = await buildUser(t.db);
  ids.volunteer = await volunteerOn(event, eventVolunteer);
  theEvent = event;
  ids.spare = (
    await addVolunteer(t.db, {
      event,
      initiativeId: a.id,
      input: { name: 'Repuesto', email: null, institution: null, lang: 'es' },
    })
  ).id;
  agents.set('eventVolunteer', await signedInAgent(t, eventVolunteer));
  const otherVolunteer = await buildUser(t.db);
  await volunteerOn(otherEvent, otherVolunteer);
  agents.set('otherEventVolunteer', await signedInAgent(t, otherVolunteer));
  const pastVolunteer = await buildUser(t.db);
  await volunteerOn(pastEvent, pastVolunteer);
  agents.set('pastEventVolunteer', await signedInAgent(t, pastVolunteer));
});
afterAll(() => t.close());

describe.each(pages)('GET %s', (template, allowed) => {
  it.each(roles)('as %s', async (role) => {
    const url = template.replace('{E}', path).replace(/\{(\w+)\}/g, (_m, k: string) => ids[k]!);
    const res = await agents.get(role)!.get(url);
    const expected = allowed.includes(role) ? 200 : role === 'anonymous' ? 303 : 403;
    expect(res.status).toBe(expected);
    if (expected === 303) expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('changes', () => {
  it.each(roles)('only organisers add volunteers — %s', async (role) => {
    const res = await agents.get(role)!.post(`${path}/volunteers`, {
      name: `Por ${role}`,
      email: '',
      institution: '',
      lang: 'es',
    });
    const ok = managers.includes(role);
    expect(res.status).toBe(ok ? 303 : role === 'anonymous' ? 401 : 403);
  });

  it.each(roles)('only organisers and this event’s volunteers record counts — %s', async (role) => {
    const res = await agents
      .get(role)!
      .post(`${path}/room-counts/${ids.session}`, { moment: 'start', headcount: '10' });
    expect(res.status).toBe(counters.includes(role) ? 303 : role === 'anonymous' ? 401 : 403);
  });

  it.each(roles)('only organisers remove a volunteer — %s', async (role) => {
    const res = await agents.get(role)!.post(`${path}/volunteers/${ids.spare}/remove`);
    const ok = managers.includes(role);
    expect(res.status).toBe(ok ? 303 : role === 'anonymous' ? 401 : 403);
    if (ok) {
      const again = await addVolunteer(t.db, {
        event: theEvent,
        initiativeId: a.id,
        input: { name: 'Repuesto', email: null, institution: null, lang: 'es' },
      });
      ids.spare = again.id;
    }
  });

  it.each(roles)('only organisers give access — %s', async (role) => {
    const res = await agents.get(role)!.post(`${path}/volunteers/${ids.volunteer}/access`);
    expect(res.status).toBe(managers.includes(role) ? 303 : role === 'anonymous' ? 401 : 403);
  });
});
