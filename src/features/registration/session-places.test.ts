import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildEdition, buildEvent, buildSession } from '../../../tests/support/programme-factories';
import { registrationInput } from '../../../tests/support/registration-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import type { Initiative } from '../../core/initiatives/schema';
import { publishEvent } from '../programme/publishing/publish-event';
import type { Edition } from '../programme/schema';
import { cancelRegistration } from './change-status';
import { InputError } from '../../http/input-error';
import { registerForEvent } from './register-for-event';
import type { RegistrationInput } from './registration-input';
import { saveRegistrationSettings } from './save-settings';
import { saveSessionLimits } from './save-session-limits';
import { sessionPlaces } from './session-places';
import { updateRegistration } from './update-registration';

let t: TestApp;
let initiative: Initiative;
let edition: Edition;
let organiser: User;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative });
  organiser = await buildMember(t.db, { initiative, role: 'organiser' });
});
afterAll(() => t.close());

const input = (n: number | string, sessionIds: string[]): RegistrationInput =>
  registrationInput({ name: `Persona ${n}`, email: `persona-${n}@example.org`, sessionIds });

async function eventWithWorkshop(places: number) {
  const event = await buildEvent(t.db, { edition });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: {
      capacity: null,
      requiresApproval: false,
      offerHours: 48,
      opensAt: null,
      closesAt: null,
    },
  });
  const workshop = await buildSession(t.db, {
    initiative,
    event,
    kind: 'workshop',
    titleEs: 'Taller de cifrado',
  });
  const talk = await buildSession(t.db, { initiative, event, titleEs: 'Charla abierta' });
  const saved = await saveSessionLimits({
    db: t.db,
    eventId: event.id,
    limits: new Map([[workshop, places]]),
  });
  expect(saved.ok).toBe(true);
  return { event, workshop, talk };
}

const register = (eventId: string, n: number | string, sessionIds: string[]) =>
  registerForEvent({ db: t.db, secret: 'test-secret', eventId, input: input(n, sessionIds) });

describe('places per session', () => {
  it('never gives more places than set: 30 people at once for a 5-place workshop', async () => {
    const { event, workshop, talk } = await eventWithWorkshop(5);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => register(event.id, i, [workshop, talk])),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) =>
        r.status === 'rejected' &&
        r.reason instanceof InputError &&
        r.reason.fields.sessionIds?.key === 'registration.error.session_full',
    );
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(25);
    expect((await sessionPlaces(t.db, { eventId: event.id })).get(workshop)).toEqual({
      places: 5,
      taken: 5,
      left: 0,
    });
    // Others can still register for the open talk only.
    await register(event.id, 'talk-only', [talk]);
  });

  it('keeps a place already held when its holder changes other details, and frees it on cancelling', async () => {
    const { event, workshop } = await eventWithWorkshop(1);
    const first = await register(event.id, 'a', [workshop]);
    await expect(register(event.id, 'b', [workshop])).rejects.toEqual(
      new InputError({ sessionIds: 'registration.error.session_full' }),
    );
    await updateRegistration({
      db: t.db,
      registrationId: first.registration.id,
      input: { ...input('a', [workshop]), name: 'Persona A cambiada' },
    });
    await cancelRegistration({ db: t.db, registrationId: first.registration.id });
    await register(event.id, 'b', [workshop]);
  });

  it('is never set below the marks already held', async () => {
    const { event, workshop } = await eventWithWorkshop(3);
    await register(event.id, 'x', [workshop]);
    await register(event.id, 'y', [workshop]);
    const r = await saveSessionLimits({
      db: t.db,
      eventId: event.id,
      limits: new Map([[workshop, 1]]),
    });
    expect(r.ok ? null : [...r.below]).toEqual([[workshop, 2]]);
    const removed = await saveSessionLimits({
      db: t.db,
      eventId: event.id,
      limits: new Map([[workshop, null]]),
    });
    expect(removed.ok).toBe(true);
    expect((await sessionPlaces(t.db, { eventId: event.id })).size).toBe(0);
  });
});

describe('places on the pages', () => {
  it('organisers set places with errors beside the field (es, en); the public form shows places left and keeps what was typed when a session fills up', async () => {
    const { event, workshop } = await eventWithWorkshop(2);
    await publishEvent({ db: t.db, eventId: event.id, userId: organiser.id });
    await register(event.id, 'p', [workshop]);
    await register(event.id, 'q', [workshop]);
    const agent = await signedInAgent(t, organiser);
    const places = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}/registration/places`;
    const page = await (await agent.get(places)).text();
    expect(page).toContain('Taller de cifrado');
    expect(page).toContain('La marcaron: 2');
    const field = `places_${workshop}`;
    const tooFew = await agent.post(places, { [field]: '1' });
    expect(tooFew.status).toBe(422);
    expect(await tooFew.text()).toContain(
      'No puede ser menos que las 2 personas que ya la marcaron.',
    );
    await agent.get(`${places}?lang=en`);
    const word = await agent.post(places, { [field]: 'diez' });
    expect(await word.text()).toContain('value="diez"');
    const en = await (await agent.post(places, { [field]: '1' })).text();
    expect(en).toContain('It cannot be fewer than the 2 people who already marked it.');
    await agent.get(`${places}?lang=es`);

    const visitor = createAgent(t);
    const form = `/e/${edition.slug}/events/${event.id}/register`;
    const html = await (await visitor.get(`${form}?lang=es`)).text();
    expect(html).toContain('Taller de cifrado · completa');
    const full = await visitor.post(form, {
      name: 'Rosa Pérez',
      email: 'rosa@example.org',
      sessionIds: workshop,
    });
    expect(full.status).toBe(422);
    const body = await full.text();
    expect(body).toContain('Una de las sesiones que marcaste se llenó mientras tanto.');
    expect(body).toContain('value="Rosa Pérez"');

    expect((await agent.post(places, { [field]: '3' })).status).toBe(303);
    const open = await (await visitor.get(`${form}?lang=en`)).text();
    expect(open).toContain('Taller de cifrado · 1 places left');
  });
});
