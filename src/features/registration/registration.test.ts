import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { registrationInput } from '../../../tests/support/registration-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import { personEmails } from '../network/schema';
import { cancelRegistration, claimOffer, passOnExpiredOffers } from './change-status';
import { InputError } from '../../http/input-error';
import { registerForEvent } from './register-for-event';
import type { RegistrationInput } from './registration-input';
import { saveRegistrationSettings } from './save-settings';
import { registrations } from './schema';

let t: TestApp;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

const input = (n: number | string, over: Partial<RegistrationInput> = {}): RegistrationInput =>
  registrationInput({ name: `Registrant ${n}`, email: `registrant-${n}@example.org`, ...over });

async function openEvent(capacity: number | null, over: { offerHours?: number } = {}) {
  const event = await buildEvent(t.db, { edition: await buildEdition(t.db, { initiative }) });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: {
      capacity,
      requiresApproval: false,
      offerHours: over.offerHours ?? 48,
      opensAt: null,
      closesAt: null,
    },
  });
  return event;
}

const statuses = async (eventId: string) => {
  const rows = await t.db.select().from(registrations).where(eq(registrations.eventId, eventId));
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    rows,
    confirmed: count('confirmed'),
    waiting: count('waiting'),
    offered: count('offered'),
  };
};

describe('registering', () => {
  it('never oversells: 120 people at once (10 of them twice) for 20 seats', async () => {
    const event = await openEvent(20);
    const attempts = [
      ...Array.from({ length: 110 }, (_, i) => input(i)),
      ...Array.from({ length: 10 }, (_, i) => input(i, { name: 'Again' })),
    ];
    const results = await Promise.allSettled(
      attempts.map((a) =>
        registerForEvent({ db: t.db, secret: 'test-secret', eventId: event.id, input: a }),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(10);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toEqual(
        new InputError({ email: 'registration.error.already_registered' }),
      );
    const s = await statuses(event.id);
    expect(s.rows).toHaveLength(110);
    expect(s.confirmed).toBe(20);
    expect(s.waiting).toBe(90);
    // Everyone is in the network once, by e-mail.
    const emails = await t.db
      .select()
      .from(personEmails)
      .where(eq(personEmails.email, 'registrant-3@example.org'));
    expect(emails).toHaveLength(1);
  });

  it('offers a freed seat to the next person, who claims it; an unclaimed offer passes on', async () => {
    const event = await openEvent(2, { offerHours: 24 });
    const now = new Date('2018-10-01T12:00:00Z');
    const r = [];
    for (const n of ['a', 'b', 'c', 'd'])
      r.push(
        (
          await registerForEvent({
            db: t.db,
            secret: 'test-secret',
            eventId: event.id,
            input: input(`w-${n}`),
            now,
          })
        ).registration,
      );
    expect(r.map((x) => x.status)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting']);
    const first = await cancelRegistration({ db: t.db, registrationId: r[0]!.id, now });
    expect(first.offered.map((x) => x.id)).toEqual([r[2]!.id]);
    await claimOffer({ db: t.db, registrationId: r[2]!.id, now });
    const second = await cancelRegistration({ db: t.db, registrationId: r[1]!.id, now });
    expect(second.offered.map((x) => x.id)).toEqual([r[3]!.id]);
    const later = new Date(now.getTime() + 25 * 3_600_000);
    await expect(claimOffer({ db: t.db, registrationId: r[3]!.id, now: later })).rejects.toEqual(
      new InputError({ _form: 'registration.error.offer_expired' }),
    );
    const late = (
      await registerForEvent({
        db: t.db,
        secret: 'test-secret',
        eventId: event.id,
        input: input('w-e'),
        now: later,
      })
    ).registration;
    expect(late.status).toBe('confirmed');
    const swept = await passOnExpiredOffers({ db: t.db, now: later });
    expect(swept.offered).toEqual([]);
    const s = await statuses(event.id);
    expect(s.confirmed).toBe(2);
  });

  it('refuses before opening and after closing, and a second registration with the same e-mail in other case', async () => {
    const event = await openEvent(null);
    await saveRegistrationSettings({
      db: t.db,
      eventId: event.id,
      input: {
        capacity: null,
        requiresApproval: false,
        offerHours: 48,
        opensAt: new Date('2018-09-01T00:00:00Z'),
        closesAt: new Date('2018-10-20T00:00:00Z'),
      },
    });
    const at = (d: string) => new Date(d);
    await expect(
      registerForEvent({
        db: t.db,
        secret: 'test-secret',
        eventId: event.id,
        input: input('early'),
        now: at('2018-08-01T00:00:00Z'),
      }),
    ).rejects.toEqual(new InputError({ _form: 'registration.error.registration_not_open_yet' }));
    await expect(
      registerForEvent({
        db: t.db,
        secret: 'test-secret',
        eventId: event.id,
        input: input('late'),
        now: at('2018-10-21T00:00:00Z'),
      }),
    ).rejects.toEqual(new InputError({ _form: 'registration.error.registration_closed' }));
    await registerForEvent({
      db: t.db,
      secret: 'test-secret',
      eventId: event.id,
      input: input('case'),
      now: at('2018-09-02T00:00:00Z'),
    });
    await expect(
      registerForEvent({
        db: t.db,
        secret: 'test-secret',
        eventId: event.id,
        input: input('case', { email: 'REGISTRANT-case@example.org' }),
        now: at('2018-09-02T00:00:00Z'),
      }),
    ).rejects.toEqual(new InputError({ email: 'registration.error.already_registered' }));
    const rows = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id)));
    expect(rows).toHaveLength(1);
  });
});
