import { InputError } from '../../http/input-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, buildUser } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import { activeRoles } from '../../core/access/policy';
import type { Initiative } from '../../core/initiatives/schema';
import type { ProgrammeEvent } from '../programme/schema';
import { eventDayRoles } from './access';
import { addVolunteer } from './add-volunteer';
import { giveVolunteerAccess } from './give-volunteer-access';

let t: TestApp;
let a: Initiative;
let eventA: ProgrammeEvent;
let eventB: ProgrammeEvent;
let volunteer: User;
let organiser: User;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const edition = await buildEdition(t.db, { initiative: a });
  eventA = await buildEvent(t.db, { edition, day: '2018-10-25' });
  eventB = await buildEvent(t.db, { edition, day: '2018-10-26' });
  volunteer = await buildUser(t.db);
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
  const row = await addVolunteer(t.db, {
    event: eventA,
    initiativeId: a.id,
    input: {
      name: 'Voluntaria',
      email: volunteer.email.toUpperCase(),
      institution: null,
      lang: 'es',
    },
  });
  await giveVolunteerAccess(t.db, { volunteerId: row.id, initiativeId: a.id });
});
afterAll(() => t.close());

const during = new Date('2018-10-25T15:00:00Z'); // 09:00 in Guatemala
const grace = new Date('2018-10-26T04:59:00Z'); // 22:59, within six hours of the 17:00 end
const after = new Date('2018-10-26T05:01:00Z');

describe('a volunteer’s event-scoped access', () => {
  it('holds the volunteer role on their event during the day and the grace after it', async () => {
    const o = { userId: volunteer.id, initiativeId: a.id, eventId: eventA.id };
    expect(await eventDayRoles(t.db, { ...o, now: during })).toEqual(['volunteer']);
    expect(await eventDayRoles(t.db, { ...o, now: grace })).toEqual(['volunteer']);
  });

  it('ends when the event ends (plus the grace): no role on the event, no membership', async () => {
    const o = { userId: volunteer.id, initiativeId: a.id, eventId: eventA.id };
    expect(await eventDayRoles(t.db, { ...o, now: after })).toEqual([]);
    expect(
      await activeRoles(t.db, { userId: volunteer.id, initiativeId: a.id, now: after }),
    ).toEqual([]);
  });

  it('does not open another event of the same initiative', async () => {
    expect(
      await eventDayRoles(t.db, {
        userId: volunteer.id,
        initiativeId: a.id,
        eventId: eventB.id,
        now: during,
      }),
    ).toEqual([]);
  });

  it('leaves organisers their role on every event, at any time', async () => {
    for (const eventId of [eventA.id, eventB.id]) {
      expect(
        await eventDayRoles(t.db, {
          userId: organiser.id,
          initiativeId: a.id,
          eventId,
          now: after,
        }),
      ).toEqual(['organiser']);
    }
  });

  it('is refused beside the e-mail when the volunteer has no account', async () => {
    const row = await addVolunteer(t.db, {
      event: eventA,
      initiativeId: a.id,
      input: { name: 'Sin cuenta', email: 'nadie@example.org', institution: null, lang: 'es' },
    });
    const err = await giveVolunteerAccess(t.db, { volunteerId: row.id, initiativeId: a.id }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).fields.email?.key).toBe('eventDay.access.noAccount');
  });

  it('a volunteer role without a place on the roster opens no event', async () => {
    const member = await buildMember(t.db, { initiative: a, role: 'volunteer' });
    expect(
      await eventDayRoles(t.db, {
        userId: member.id,
        initiativeId: a.id,
        eventId: eventA.id,
        now: during,
      }),
    ).toEqual([]);
  });
});
