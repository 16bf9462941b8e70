import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../../tests/support/factories';
import { buildPerson } from '../../../../tests/support/network-factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../../../core/audit/schema';
import type { Initiative } from '../../../core/initiatives/schema';
import { outbox } from '../../../core/mail/schema';
import type { ProgrammeEvent } from '../../programme/schema';
import { invitations } from '../schema';
import { parseInviteeList } from './invitation-input';
import { inviteeLanguage } from './invitee-language';

let t: TestApp;
let organiser: Agent;
let initiative: Initiative;
let event: ProgrammeEvent;
let path: string;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'organiser' }));
  const edition = await buildEdition(t.db, { initiative });
  event = await buildEvent(t.db, { edition, visibility: 'invitation' });
  path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}/invitations`;
});
afterAll(() => t.close());

const mailTo = async (to: string) =>
  t.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt));
const linkIn = (text: string) => {
  const link = /http\S+\/i-rsvp\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  return new URL(link!).pathname;
};
const invitationOf = async (email: string) =>
  (
    await t.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.eventId, event.id), sql`lower(${invitations.email}) = ${email}`))
  )[0];

describe('reading a pasted list', () => {
  it('accepts both line forms and explains every bad line by number', () => {
    const { invitees, problems } = parseInviteeList(
      [
        'Ana Pérez <ANA@example.org>',
        '',
        'Ben Reporter, ben@example.org, Agencia EFE',
        'just a name',
        'Carla, not-an-email',
        'Dup, ana@example.org',
        'Dora\tdora@example.org\tTN23',
      ].join('\n'),
    );
    expect(invitees).toEqual([
      { name: 'Ana Pérez', email: 'ana@example.org', representing: null },
      { name: 'Ben Reporter', email: 'ben@example.org', representing: 'Agencia EFE' },
      { name: 'Dora', email: 'dora@example.org', representing: 'TN23' },
    ]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [4, 'format'],
      [5, 'email'],
      [6, 'duplicate'],
    ]);
  });

  it('writes to people in their first language Convoca speaks, else Spanish', () => {
    expect(inviteeLanguage(['en', 'es'])).toBe('en');
    expect(inviteeLanguage(['kiche', 'en'])).toBe('en');
    expect(inviteeLanguage(['fr'])).toBe('es');
    expect(inviteeLanguage([])).toBe('es');
  });
});

describe('organisers invite', () => {
  it('from the network: only people with an e-mail are offered, each written to in their language', async () => {
    await buildPerson(t.db, {
      initiative,
      name: 'Grace Network',
      email: 'grace@example.org',
      languages: ['en'],
    });
    await buildPerson(t.db, { initiative, name: 'Nadia Sincorreo' });
    const page = await (await organiser.get(path)).text();
    expect(page).toContain('Grace Network');
    expect(page).not.toContain('Nadia Sincorreo');
    const grace = (await invitationOf('grace@example.org'))?.id;
    expect(grace).toBeUndefined();
    const personId = /name="personIds" value="([0-9a-f-]{36})"/.exec(page)![1]!;
    const res = await organiser.post(path, { personIds: personId, list: '', lang: 'es' });
    expect(res.status).toBe(303);
    const [mail] = await mailTo('grace@example.org');
    expect(mail!.locale).toBe('en');
    expect(mail!.subject).toBe('Invitation: Test forum');
    expect(mail!.text).toContain('/i-rsvp/');
    const row = await invitationOf('grace@example.org');
    expect(row).toMatchObject({ personId, status: 'pending', lang: 'en' });
    // Already invited: listed among the invitees, no longer offered.
    const after = await (await organiser.get(path)).text();
    expect(after).toContain('Enviaste 1 invitaciones.');
    expect(after).not.toContain(`value="${personId}"`);
  });

  it('from a pasted list: a bad line is explained beside the field, nothing is sent, what was typed is kept', async () => {
    const list = 'Ana Pérez <ana@example.org>\nBen Reporter ben@example.org';
    const bad = await organiser.post(path, { list, lang: 'es' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Línea 2 («Ben Reporter ben@example.org»)');
    expect(html).toContain('Ana Pérez &lt;ana@example.org&gt;');
    expect(await mailTo('ana@example.org')).toHaveLength(0);

    const ok = await organiser.post(path, {
      list: 'Ana Pérez <ana@example.org>\nBen Reporter, ben@example.org, Agencia EFE',
      lang: 'es',
    });
    expect(ok.status).toBe(303);
    const [ana] = await mailTo('ana@example.org');
    expect(ana!.locale).toBe('es');
    expect(ana!.subject).toBe('Invitación: Foro de prueba');
    expect(ana!.text).toContain('/i-rsvp/');
    expect((await invitationOf('ben@example.org'))!.representing).toBe('Agencia EFE');
    // Inviting the same e-mail again sends nothing new.
    await organiser.post(path, { list: 'Ana <ana@example.org>', lang: 'es' });
    expect(await mailTo('ana@example.org')).toHaveLength(1);
  });

  it('asks for someone when nothing was chosen', async () => {
    const res = await organiser.post(path, { list: '  ', lang: 'es' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Elige a alguien de la red o pega al menos una línea.');
  });
});

describe('the invitee answers through the private link, without an account', () => {
  it('accepts, then changes to decline; each answer thanked by e-mail; the organiser sees the counts', async () => {
    const [invite] = await mailTo('grace@example.org');
    const link = linkIn(invite!.text);
    const guest = createAgent(t);
    const page = await (await guest.get(link)).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain('Test forum');
    expect(page).toContain('Campus');
    expect(page).toContain('Accept — I will attend');
    // CSRF-protected.
    expect((await guest.post(link, { answer: 'accepted' }, { csrf: null })).status).toBe(403);
    const accepted = await guest.post(link, { answer: 'accepted' });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(link);
    expect(await (await guest.get(link)).text()).toContain(
      'Thank you: we have noted that you will attend.',
    );
    expect((await mailTo('grace@example.org'))[0]!.subject).toBe(
      'Thank you for accepting: Test forum',
    );
    expect(await (await organiser.get(path)).text()).toContain('Aceptó: 1');

    await guest.post(link, { answer: 'declined' });
    expect(await (await guest.get(link)).text()).toContain('You declined this invitation.');
    expect((await mailTo('grace@example.org'))[0]!.subject).toBe(
      'Thank you for letting us know: Test forum',
    );
    const after = await (await organiser.get(path)).text();
    expect(after).toContain('Aceptó: 0');
    expect(after).toContain('Declinó: 1');
    expect((await invitationOf('grace@example.org'))!.respondedAt).not.toBeNull();
    // The same answer again changes nothing and sends nothing.
    const before = (await mailTo('grace@example.org')).length;
    await guest.post(link, { answer: 'declined' });
    expect(await mailTo('grace@example.org')).toHaveLength(before);
  });

  it('refuses an unknown link and a bad answer', async () => {
    const guest = createAgent(t);
    expect((await guest.get('/i-rsvp/not-a-real-token-at-all-000000')).status).toBe(404);
    const [invite] = await mailTo('ana@example.org');
    expect((await guest.post(linkIn(invite!.text), { answer: 'maybe' })).status).toBe(422);
  });
});

describe('reminders, attendance and exports', () => {
  it('reminds only those who have not answered, after a confirmation, once a day at most', async () => {
    const confirm = await (await organiser.get(`${path}/remind`)).text();
    // Ana and Ben have not answered; Grace declined.
    expect(confirm).toContain('Enviar 2 recordatorios');
    const res = await organiser.post(`${path}/remind`);
    expect(res.status).toBe(303);
    for (const who of ['ana@example.org', 'ben@example.org']) {
      expect((await mailTo(who))[0]!.subject).toBe('Recordatorio: ¿asistirás a Foro de prueba?');
      expect((await invitationOf(who))!.remindedAt).not.toBeNull();
    }
    expect((await mailTo('grace@example.org'))[0]!.subject).not.toContain('Reminder');
    const count = (await mailTo('ana@example.org')).length;
    await organiser.post(`${path}/remind`);
    expect(await mailTo('ana@example.org')).toHaveLength(count);
    expect(await (await organiser.get(`${path}/remind`)).text()).toContain(
      'No hay a quién recordar',
    );
  });

  it('records attendance after the event', async () => {
    const ana = (await invitationOf('ana@example.org'))!;
    const ben = (await invitationOf('ben@example.org'))!;
    const res = await organiser.post(`${path}/attendance`, {
      [`attended-${ana.id}`]: 'yes',
      [`attended-${ben.id}`]: 'no',
    });
    expect(res.status).toBe(303);
    expect((await invitationOf('ana@example.org'))!.attended).toBe(true);
    expect((await invitationOf('ben@example.org'))!.attended).toBe(false);
    expect(await (await organiser.get(path)).text()).toContain('Asistieron: 1');
  });

  it('exports CSV and XLSX, each export written to the audit log', async () => {
    const csv = await organiser.get(`${path}/export/csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Agencia EFE');
    expect(text).toContain('Declinó');
    const xlsx = await organiser.get(`${path}/export/xlsx`);
    expect(xlsx.status).toBe(200);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'invitations.exported'), eq(auditLog.targetId, event.id)));
    expect(entries.map((e) => (e.data as { format: string }).format).sort()).toEqual([
      'csv',
      'xlsx',
    ]);
    const sent = await t.db.select().from(auditLog).where(eq(auditLog.action, 'invitations.sent'));
    expect(sent.length).toBeGreaterThan(0);
  });
});

describe('who may manage invitations', () => {
  it('only organisers of the initiative (and coordinators, administrators)', async () => {
    const moderator = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'moderator' }),
    );
    expect((await moderator.get(path)).status).toBe(403);
    expect((await moderator.post(path, { list: 'X <x@example.org>' })).status).toBe(403);
    expect((await moderator.post(`${path}/remind`)).status).toBe(403);
    expect((await moderator.get(`${path}/export/csv`)).status).toBe(403);
    expect((await createAgent(t).post(`${path}/remind`)).status).toBe(401);
    expect(await mailTo('x@example.org')).toHaveLength(0);
  });
});
