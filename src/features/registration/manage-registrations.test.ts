import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition, ProgrammeEvent } from '../programme/schema';
import { registrations } from './schema';
import { outbox } from '../../core/mail/schema';

let t: TestApp;
let organiser: Agent;
let initiative: Initiative;
let edition: Edition;
let event: ProgrammeEvent;
let path: string;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'organiser' }));
  edition = await buildEdition(t.db, { initiative });
  event = await buildEvent(t.db, { edition });
  path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
});
afterAll(() => t.close());

async function register(email: string, extra: Record<string, string> = {}) {
  const visitor = createAgent(t);
  await visitor.get(`/e/${edition.slug}/events/${event.id}/register`);
  return visitor.post(`/e/${edition.slug}/events/${event.id}/register`, {
    name: email.split('@')[0]!,
    email,
    ...extra,
  });
}

describe('organisers and registrations', () => {
  it('open registration with approval and a question, explaining a bad capacity beside the field', async () => {
    const bad = await organiser.post(`${path}/registration`, {
      open: 'on',
      capacity: 'lots',
      offerHours: '48',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escribe un número entero.');
    const ok = await organiser.post(`${path}/registration`, {
      open: 'on',
      capacity: '2',
      offerHours: '24',
      requiresApproval: 'on',
    });
    expect(ok.status).toBe(303);
    const noOptions = await organiser.post(`${path}/registration/questions`, {
      kind: 'single',
      labelEs: '¿Almuerzo?',
      options: 'Sí',
    });
    expect(await noOptions.text()).toContain('Escribe al menos dos opciones');
    await organiser.post(`${path}/registration/questions`, {
      kind: 'single',
      labelEs: '¿Almuerzo?',
      labelEn: 'Lunch?',
      options: 'Vegetariano | Vegetarian\nCualquiera | Any',
    });
    const form = await (
      await t.app.request(`/e/${edition.slug}/events/${event.id}/register?lang=en`)
    ).text();
    expect(form).toContain('Lunch?');
    expect(form).toContain('The organisers review each request.');
    const publicPage = await (await t.app.request(`/e/${edition.slug}`)).text();
    expect(publicPage).toContain(`/e/${edition.slug}/events/${event.id}/register`);
  });

  it('approve requests into seats, then the waiting list; counts hide small numbers', async () => {
    for (const who of ['uno', 'dos', 'tres'])
      expect((await register(`${who}@example.org`, { stakeholderGroup: 'academia' })).status).toBe(
        303,
      );
    const list = await (await organiser.get(`${path}/registrations?status=pending`)).text();
    expect(list).toContain('Solicitud en revisión');
    expect(list).toContain('Academia: &lt;5');
    const ids = (
      await t.db.select().from(registrations).where(eq(registrations.eventId, event.id))
    ).sort((a, b) => a.email.localeCompare(b.email));
    for (const r of ids) await organiser.post(`${path}/registrations/${r.id}/approve`, {});
    const after = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(2);
    expect(after.filter((r) => r.status === 'waiting')).toHaveLength(1);
  });

  it('export the filtered list as CSV and XLSX, written to the audit log', async () => {
    const csv = await organiser.get(`${path}/registrations/export/csv?status=confirmed`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('Nombre completo');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    const xlsx = await organiser.get(`${path}/registrations/export/xlsx`);
    expect(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'registrations.exported'));
    expect(entries).toHaveLength(2);
  });

  it('write to a filtered group in their language, leaving sample rows out, audit-logged', async () => {
    const form = await (
      await organiser.get(`${path}/registrations/message?status=confirmed`)
    ).text();
    expect(form).toContain('Se enviará a 2 personas');
    const bad = await organiser.post(`${path}/registrations/message?status=confirmed`, {
      subjectEs: 'Cambio de sala',
      bodyEs: 'El foro será en el auditorio.',
      subjectEn: 'Room change',
    });
    expect(await bad.text()).toContain('Escribe el asunto y el mensaje en inglés, o ninguno.');
    const res = await organiser.post(`${path}/registrations/message?status=confirmed`, {
      subjectEs: 'Cambio de sala',
      bodyEs: 'El foro será en el auditorio.\n\nLleguen temprano.',
    });
    expect(res.status).toBe(303);
    const mails = await t.db.select().from(outbox).where(eq(outbox.subject, 'Cambio de sala'));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.html).toContain('<p>Lleguen temprano.</p>');
    expect(mails[0]!.text).toContain('/r/');
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'registrations.messaged'));
    expect(entry!.data).toMatchObject({ sent: 2, status: 'confirmed' });
  });
});
