import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildInstitution } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import { outbox } from '../../core/mail/schema';
import { actionItems, meetings, taskDigests } from './schema';
import { sendTaskDigests } from './actions/send-task-digests';

let t: TestApp;
let initiative: Initiative;
let coordinator: User;
let agent: Agent;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  coordinator = await buildMember(t.db, { initiative, role: 'coordinator' });
  agent = await signedInAgent(t, coordinator);
  base = `/i/${initiative.slug}/committee`;
});
afterAll(() => t.close());

const lastAudit = async () =>
  (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
const statusOf = (html: string, rule: string) =>
  new RegExp(`data-rule="${rule}"[\\s\\S]*?data-rule-status="(\\w+)"`).exec(html)?.[1];

async function addMember(form: Record<string, string>) {
  const res = await agent.post(`${base}/members`, form);
  expect(res.status, await res.clone().text()).toBe(303);
}

describe('the committee and the IGF rule check', () => {
  it('goes from red to green as members from three groups, two genders and two cities join', async () => {
    let html = await (await agent.get(base)).text();
    expect(html).toContain('data-all-met="false"');
    expect(statusOf(html, 'stakeholders')).toBe('missing');

    const gov = await buildInstitution(t.db, { name: 'SIT', stakeholderGroup: 'government' });
    const uni = await buildInstitution(t.db, { name: 'UNIS', stakeholderGroup: 'academia' });
    const ngo = await buildInstitution(t.db, { name: 'Demos', stakeholderGroup: 'civil_society' });
    await addMember({
      institutionId: gov.id,
      city: 'Guatemala',
      newName: 'Selvin Juárez',
      newEmail: coordinator.email,
      newGender: 'man',
    });
    expect((await lastAudit()).action).toBe('committee.member_added');
    await addMember({
      institutionId: uni.id,
      city: 'Guatemala',
      newName: 'Estuardo Sandoval',
      newGender: 'man',
    });
    html = await (await agent.get(base)).text();
    expect(statusOf(html, 'stakeholders')).toBe('missing');
    expect(statusOf(html, 'gender')).toBe('missing');
    expect(statusOf(html, 'regional')).toBe('missing');
    expect(html).toContain('Todos los miembros están en el mismo lugar');

    await addMember({
      institutionId: ngo.id,
      city: 'Quetzaltenango',
      newName: 'Anabella Rivera',
      newEmail: 'anabella@example.org',
      newGender: 'woman',
    });
    html = await (await agent.get(`${base}?lang=en`)).text();
    expect(html).toContain('data-all-met="true"');
    expect(html).toContain('The committee meets all three rules.');
    await agent.get('/?lang=es');
  });

  it('keeps what was typed and explains a taken e-mail beside the field', async () => {
    const inst = await buildInstitution(t.db);
    const res = await agent.post(`${base}/members`, {
      institutionId: inst.id,
      city: 'Cobán',
      newName: 'Otra persona',
      newEmail: 'anabella@example.org',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-newEmail-error"');
    expect(html).toContain('Este correo ya es de alguien de la red');
    expect(html).toContain('value="Cobán"');
  });

  it('refuses a moderator who tries to change the committee', async () => {
    const moderator = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'moderator' }),
    );
    expect((await moderator.get(base)).status).toBe(200);
    const inst = await buildInstitution(t.db);
    expect((await moderator.post(`${base}/members`, { institutionId: inst.id })).status).toBe(403);
  });
});

describe('meetings, minutes and tasks', () => {
  it('schedules a fortnightly cadence in the committee zone', async () => {
    const res = await agent.post(`${base}/meetings`, {
      title: 'Reunión del comité',
      kind: 'every_n_days',
      intervalDays: '15',
      startsOn: '2030-05-05',
      endsOn: '2030-06-30',
      time: '10:00',
      durationMinutes: '90',
      place: 'UNESCO',
      agenda: 'Temas\nPresupuesto',
    });
    expect(res.status).toBe(303);
    const rows = await t.db
      .select()
      .from(meetings)
      .where(eq(meetings.initiativeId, initiative.id))
      .orderBy(meetings.startsAt);
    expect(rows.map((m) => m.startsAt.toISOString())).toEqual([
      '2030-05-05T16:00:00.000Z',
      '2030-05-20T16:00:00.000Z',
      '2030-06-04T16:00:00.000Z',
      '2030-06-19T16:00:00.000Z',
    ]);
    expect(new Set(rows.map((m) => m.seriesId)).size).toBe(1);
    expect((await lastAudit()).action).toBe('committee.meetings_scheduled');
  });

  it('refuses a weekly cadence without weekdays, keeping the title', async () => {
    const res = await agent.post(`${base}/meetings`, {
      title: 'Petit comité',
      kind: 'weekly',
      startsOn: '2030-10-01',
      endsOn: '2030-10-20',
      time: '18:00',
      durationMinutes: '60',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Elige al menos un día de la semana.');
    expect(html).toContain('value="Petit comité"');
  });

  it('records minutes safely, approves them once, e-mails members, and the task reaches its owner', async () => {
    const [meeting] = await t.db
      .select()
      .from(meetings)
      .where(eq(meetings.initiativeId, initiative.id))
      .orderBy(meetings.startsAt);
    const url = `${base}/meetings/${meeting!.id}`;
    const record = await (await agent.get(`${url}/record`)).text();
    const ids = [...record.matchAll(/name="attended" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    const res = await agent.post(`${url}/record`, {
      agenda: 'Temas',
      attended: ids.slice(0, 2),
      minutes: '## Acta\n\n<script>alert(1)</script> [x](javascript:alert(1))',
      decisions: 'Seis temas',
    });
    expect(res.status).toBe(303);
    let html = await (await agent.get(url)).text();
    expect(html).toContain('2 de 3 asistieron.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/href="javascript:/i);

    const people = [...html.matchAll(/<option value="(person:[0-9a-f-]{36})">Selvin Juárez/g)];
    const task = await agent.post(`${url}/tasks`, {
      title: 'Invitar a la prensa',
      owner: people[0]![1]!,
      dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      meetingId: meeting!.id,
    });
    expect(task.status).toBe(303);
    const mine = await (await agent.get('/account/tasks')).text();
    expect(mine).toContain('Invitar a la prensa');

    const approve = await agent.post(`${url}/approve`);
    expect(approve.status).toBe(303);
    const sent = (await t.db.select().from(outbox)).filter((m) =>
      m.subject.startsWith('Acta aprobada'),
    );
    expect(sent.map((m) => m.to).sort()).toEqual(
      ['anabella@example.org', coordinator.email].sort(),
    );
    expect(sent[0]!.text).toContain('Decisión: Seis temas');
    html = await (await agent.get(url)).text();
    expect(html).toContain('data-minutes-status="approved"');
    expect((await agent.post(`${url}/approve`)).status).toBe(303);
    expect(
      (await t.db.select().from(outbox)).filter((m) => m.subject.startsWith('Acta aprobada')),
    ).toHaveLength(2);
    expect((await agent.post(`${url}/record`, { minutes: 'otra' })).status).toBe(422);
  });

  it('the owner marks their task done from my tasks; someone else cannot', async () => {
    const [item] = await t.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.initiativeId, initiative.id));
    const other = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    expect((await other.post(`/account/tasks/${item!.id}/status`, { status: 'done' })).status).toBe(
      404,
    );
    expect(
      (await agent.post(`/account/tasks/${item!.id}/status`, { status: 'doing' })).status,
    ).toBe(303);
    const [after] = await t.db.select().from(actionItems).where(eq(actionItems.id, item!.id));
    expect(after!.status).toBe('doing');
  });

  it('sends the weekly digest once per person and week', async () => {
    const now = new Date();
    const first = await sendTaskDigests(t.deps, now);
    expect(first.sent).toBe(1);
    expect((await sendTaskDigests(t.deps, now)).sent).toBe(0);
    const digests = (await t.db.select().from(outbox)).filter(
      (m) => m.to === coordinator.email && m.subject.startsWith('Tus tareas'),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('Invitar a la prensa');
    expect(await t.db.select().from(taskDigests)).toHaveLength(1);
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    expect((await sendTaskDigests(t.deps, nextWeek)).sent).toBe(1);
  });

  it('cancels one meeting of the cadence; the feed marks it cancelled', async () => {
    const rows = await t.db
      .select()
      .from(meetings)
      .where(eq(meetings.initiativeId, initiative.id))
      .orderBy(meetings.startsAt);
    const url = `${base}/meetings/${rows[3]!.id}`;
    expect((await agent.post(`${url}/cancel`, { cancelled: 'yes' })).status).toBe(303);
    expect((await lastAudit()).action).toBe('committee.meeting_cancelled');
    expect(await (await agent.get(url)).text()).toContain('Esta reunión está cancelada.');
    const page = await (await agent.post(`${base}/calendar`)).text();
    const feed = new URL(/data-calendar-url[^>]*>([^<]+)</.exec(page)![1]!).pathname;
    const ics = await (await t.app.request(feed)).text();
    expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1);
    expect((await agent.post(`${url}/cancel`, { cancelled: 'no' })).status).toBe(303);
    expect(await (await t.app.request(feed)).text()).not.toContain('STATUS:CANCELLED');
  });

  it('gives a private calendar link whose feed lists the meetings in the zone', async () => {
    const page = await (await agent.post(`${base}/calendar`)).text();
    const url = /data-calendar-url[^>]*>([^<]+)</.exec(page)![1]!;
    const path = new URL(url).pathname;
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTART;TZID=America/Guatemala:20300505T100000');
    expect(
      (await t.app.request(path.replace(/\/cal\/[^/]+/, '/cal/not-a-real-token-000000000'))).status,
    ).toBe(404);
    await agent.post(`${base}/calendar`);
    expect((await t.app.request(path)).status).toBe(404);
  });
});
