import { desc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import { buildInitiative } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Edition, ProgrammeEvent } from '../programme/schema';
import { outbox } from '../../core/mail/schema';
import { saveRegistrationSettings } from './save-settings';
import { registrationQuestions, registrations } from './schema';

let t: TestApp;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  edition = await buildEdition(t.db, { initiative: await buildInitiative(t.db) });
});
afterAll(() => t.close());

async function openEvent(capacity: number | null) {
  const event = await buildEvent(t.db, { edition });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: { capacity, requiresApproval: false, offerHours: 48, opensAt: null, closesAt: null },
  });
  return event;
}

const lastMail = async (to: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt)))[0]!;

async function register(
  event: ProgrammeEvent,
  form: Record<string, string | string[]>,
  lang = 'es',
) {
  const visitor = createAgent(t);
  await visitor.get(`/e/${edition.slug}/events/${event.id}/register?lang=${lang}`);
  const res = await visitor.post(`/e/${edition.slug}/events/${event.id}/register`, form);
  return { visitor, res };
}

describe('registering without an account', () => {
  it('confirms, e-mails a QR ticket and an .ics in the registrant’s language, and the private link shows the ticket', async () => {
    const event = await openEvent(10);
    const [q] = await t.db
      .insert(registrationQuestions)
      .values({
        eventId: event.id,
        kind: 'single',
        labelEs: '¿Cómo llegas?',
        labelEn: 'How do you travel?',
        options: [
          { es: 'En bus', en: 'By bus' },
          { es: 'Por mi cuenta', en: 'On my own' },
        ],
        required: true,
      })
      .returning();
    const form = {
      name: 'Ana Pérez',
      email: 'ana.reg@example.org',
      country: 'gt',
      consentPhotos: 'on',
    };
    const missing = await register(event, form, 'en');
    expect(missing.res.status).toBe(422);
    const html = await missing.res.text();
    expect(html).toContain('This field is required.');
    expect(html).toContain('value="Ana Pérez"');
    const { visitor, res } = await register(event, { ...form, [`q_${q!.id}`]: '0' }, 'en');
    expect(res.status).toBe(303);
    const link = res.headers.get('location')!;
    expect(link).toMatch(/^\/r\/[A-Za-z0-9_-]+$/);
    const page = await (await visitor.get(link)).text();
    expect(page).toContain('Registration confirmed');
    expect(page).toContain('<svg role="img" aria-label="QR code of ticket');
    const mail = await lastMail('ana.reg@example.org');
    expect(mail.subject).toBe('Your registration: Test forum');
    expect(mail.html).toContain('src="cid:ticket-qr"');
    expect(mail.text).toContain(link);
    const names = mail.attachments.map((a) => a.filename).sort();
    expect(names).toEqual(['event.ics', 'ticket.png']);
    const ics = Buffer.from(
      mail.attachments.find((a) => a.filename === 'event.ics')!.content,
      'base64',
    ).toString();
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Test forum');
    const png = Buffer.from(
      mail.attachments.find((a) => a.filename === 'ticket.png')!.content,
      'base64',
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [row] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'ana.reg@example.org'));
    expect(row!.country).toBe('GT');
    expect(row!.consentPhotos).toBe(true);
    expect(row!.consentStreaming).toBe(false);
    expect(row!.answers).toEqual({ [q!.id]: '0' });
  });

  it('refuses a second registration with the same e-mail beside the field, and a bot filling the hidden field', async () => {
    const event = await openEvent(null);
    await register(event, { name: 'Luis', email: 'luis@example.org' });
    const again = await register(event, { name: 'Luis', email: 'LUIS@example.org' });
    expect(again.res.status).toBe(422);
    expect(await again.res.text()).toContain('Ya hay una inscripción con este correo');
    const bot = await register(event, {
      name: 'Bot',
      email: 'bot@example.org',
      website: 'http://spam',
    });
    expect(bot.res.status).toBe(422);
    expect(
      await t.db.select().from(registrations).where(eq(registrations.email, 'bot@example.org')),
    ).toEqual([]);
  });

  it('changes and cancels through the private link; the freed seat is offered to the next person, who claims it', async () => {
    const event = await openEvent(1);
    const first = await register(event, { name: 'Primera', email: 'primera@example.org' });
    const firstLink = first.res.headers.get('location')!;
    const second = await register(event, { name: 'Segunda', email: 'segunda@example.org' });
    const secondLink = second.res.headers.get('location')!;
    expect(await (await second.visitor.get(secondLink)).text()).toContain(
      'Tu lugar en la lista de espera: 1.',
    );
    expect((await lastMail('segunda@example.org')).subject).toBe(
      'Estás en la lista de espera: Foro de prueba',
    );

    const changed = await first.visitor.post(firstLink, {
      name: 'Primera Persona',
      institution: 'UNIS',
    });
    expect(changed.status).toBe(303);
    expect(await (await first.visitor.get(firstLink)).text()).toContain('Primera Persona');

    expect(await (await first.visitor.get(`${firstLink}/cancel`)).text()).toContain(
      '¿Cancelar tu inscripción',
    );
    await first.visitor.post(`${firstLink}/cancel`, {});
    expect(await (await first.visitor.get(firstLink)).text()).toContain('Inscripción cancelada');
    const offer = await lastMail('segunda@example.org');
    expect(offer.subject).toBe('Se liberó un lugar para ti: Foro de prueba');
    expect(offer.text).toContain(secondLink);
    const offered = await (await second.visitor.get(secondLink)).text();
    expect(offered).toContain('Confirmar mi lugar');
    await second.visitor.post(`${secondLink}/claim`, {});
    expect(await (await second.visitor.get(secondLink)).text()).toContain('Inscripción confirmada');
    expect((await lastMail('segunda@example.org')).subject).toBe('Tu inscripción: Foro de prueba');
  });

  it('says so when registration is closed, and an unknown private link is not found', async () => {
    const event = await buildEvent(t.db, { edition });
    const page = await (
      await t.app.request(`/e/${edition.slug}/events/${event.id}/register`)
    ).text();
    expect(page).toContain('La inscripción está cerrada.');
    expect((await t.app.request('/r/not-a-real-link-at-all-000000')).status).toBe(404);
  });
});
