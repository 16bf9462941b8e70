import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import { outbox } from '../../core/mail/schema';
import { erasePersonalData } from '../../core/privacy/personal-data';
import { modules } from '../../modules';
import { people } from '../network/schema';
import { programmeVersions, rooms as roomTable } from './schema';
import { publishEvent } from './publishing/publish-event';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../tests/support/programme-factories';

let t: TestApp;
let organiser: Agent;
let initiative: Initiative;
const person: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'organiser' }));
  const make = async (key: string, o: Parameters<typeof buildPerson>[1]) => {
    person[key] = (await buildPerson(t.db, o)).id;
  };
  await make('ana', {
    initiative,
    name: 'Ana Pérez',
    email: 'ana@example.org',
    genderChoice: 'woman',
    institutionId: (await buildInstitution(t.db, { stakeholderGroup: 'civil_society' })).id,
  });
  await make('bob', {
    initiative,
    name: 'Bob Smith',
    email: 'bob@example.org',
    genderChoice: 'man',
    institutionId: (await buildInstitution(t.db, { stakeholderGroup: 'private_sector' })).id,
    languages: ['en'],
  });
  await make('carla', {
    initiative,
    name: 'Carla Díaz',
    genderChoice: 'woman',
    institutionId: (await buildInstitution(t.db, { stakeholderGroup: 'government' })).id,
  });
  await make('dora', {
    initiative,
    name: 'Dora Luz',
    genderChoice: 'woman',
    institutionId: (await buildInstitution(t.db, { stakeholderGroup: 'academia' })).id,
  });
});
afterAll(() => t.close());

const base = () => `/i/${initiative.slug}/editions/igf-test-2018`;
let eventPath = '';
const rooms: Record<string, string> = {};

/** A session form as the browser sends it: `people` fill the first rows. */
function sessionForm(o: {
  title: string;
  room: string;
  start: string;
  end: string;
  kind?: string;
  people?: [string, string][];
}) {
  const form: Record<string, string> = {
    kind: o.kind ?? 'panel',
    titleEs: o.title,
    roomId: rooms[o.room]!,
    day: '2018-10-25',
    start: o.start,
    end: o.end,
    language: 'es',
    rows: '6',
  };
  (o.people ?? []).forEach(([key, role], i) => {
    form[`personId_${i}`] = person[key]!;
    form[`role_${i}`] = role;
  });
  return form;
}

describe('an organiser builds and publishes a programme', () => {
  it('creates an edition, refusing a bad address beside the field, in Spanish', async () => {
    const bad = await organiser.post(`/i/${initiative.slug}/editions`, {
      name: 'IGF Test 2018',
      slug: 'IGF Test!',
      year: '2018',
      travelBufferMinutes: '15',
      maxSessionsPerSpeaker: '3',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Usa solo minúsculas');
    expect(html).toContain('value="IGF Test 2018"');
    const res = await organiser.post(`/i/${initiative.slug}/editions`, {
      name: 'IGF Test 2018',
      slug: 'igf-test-2018',
      year: '2018',
      travelBufferMinutes: '15',
      maxSessionsPerSpeaker: '3',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(base());
    const again = await organiser.post(`/i/${initiative.slug}/editions?lang=en`, {
      name: 'Other',
      slug: 'igf-test-2018',
      year: '2018',
      travelBufferMinutes: '15',
      maxSessionsPerSpeaker: '3',
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('That address is taken');
    await organiser.get('/?lang=es');
  });

  it('creates the event with its venue, explaining a wrong zone', async () => {
    const form = {
      kind: 'forum',
      titleEs: 'Foro 2018',
      titleEn: 'Forum 2018',
      timeZone: 'Guatemala',
      startDay: '2018-10-25',
      endDay: '2018-10-25',
      startTime: '08:00',
      endTime: '17:00',
      visibility: 'public',
      venueName: 'UNIS',
    };
    const bad = await organiser.post(`${base()}/events/new`, form);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Elige una zona horaria');
    const res = await organiser.post(`${base()}/events/new`, {
      ...form,
      timeZone: 'America/Guatemala',
    });
    expect(res.status).toBe(303);
    eventPath = res.headers.get('location')!;
    expect(eventPath).toMatch(/\/events\/[0-9a-f-]{36}$/);
  });

  it('adds three rooms; a capacity that is not a number is explained', async () => {
    const bad = await organiser.post(`${eventPath}/rooms`, { name: 'Aula', capacity: 'many' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escribe un número entero');
    for (const [name, capacity] of [
      ['Aula', '40'],
      ['Ficohsa', '200'],
      ['Pedrazuela', '150'],
    ] as const) {
      const res = await organiser.post(`${eventPath}/rooms`, {
        name,
        capacity,
        availability: '2018-10-25 08:00-17:00',
      });
      expect(res.status).toBe(303);
    }
    const html = await (await organiser.get(`${eventPath}/rooms`)).text();
    for (const name of ['Aula', 'Ficohsa', 'Pedrazuela']) {
      const id = new RegExp(`rooms/([0-9a-f-]{36})/edit"><strong>${name}<`).exec(html)?.[1];
      expect(id, name).toBeTruthy();
      rooms[name] = id!;
    }
  });

  it('writes two blocks of three parallel panels and sees a double booking and diversity warnings', async () => {
    const four = (lead: string): [string, string][] => [
      [lead, 'speaker'],
      ['carla', 'speaker'],
      ['dora', 'speaker'],
    ];
    const blocks = [
      ['09:00', '10:30'],
      ['11:00', '12:30'],
    ] as const;
    let n = 0;
    for (const [start, end] of blocks)
      for (const room of ['Aula', 'Ficohsa', 'Pedrazuela']) {
        n++;
        const res = await organiser.post(
          `${eventPath}/sessions/new`,
          sessionForm({
            title: `Panel ${n}`,
            room,
            start,
            end,
            people: n === 1 ? [...four('ana'), ['bob', 'moderator']] : [['ana', 'speaker']],
          }),
        );
        expect(res.status, `panel ${n}`).toBe(303);
      }
    const page = await (await organiser.get(eventPath)).text();
    // Ana speaks in Panel 1 (Aula) and Panel 2 (Ficohsa) at the same time, and in five panels.
    expect(page).toContain('Ana Pérez está en dos sesiones a la vez');
    expect(page).toContain('Ana Pérez es panelista en 6 sesiones; la edición permite 3.');
    expect(page).toContain('El panel tiene 1 panelistas; se piden al menos 3.');
    expect(page).toContain('El panel no tiene moderación.');
    // Panel 1 has three speakers of more than one group and a moderator: no diversity warning.
    const en = await (await organiser.get(`${eventPath}?lang=en`)).text();
    expect(en).toContain('Ana Pérez is in two sessions at once');
    await organiser.get('/?lang=es');
  });

  it('keeps what was typed when a session is refused', async () => {
    const res = await organiser.post(`${eventPath}/sessions/new`, {
      ...sessionForm({ title: 'Late panel', room: 'Aula', start: '15:00', end: '14:00' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('El fin debe ser posterior al inicio.');
    expect(html).toContain('value="Late panel"');
  });

  it('publishes version 1, e-mails the people with an address in their language, and shows the programme', async () => {
    expect(await (await t.app.request('/e/igf-test-2018/programme')).text()).toContain(
      'todavía no está publicado',
    );
    const res = await organiser.post(`${eventPath}/publish`, {});
    expect(res.status).toBe(303);
    const after = await (await organiser.get(eventPath)).text();
    expect(after).toContain('Publicaste la versión 1. Se escribió a 2 personas.');
    expect(after).toContain('El borrador es igual a la versión publicada.');
    const programme = await (await t.app.request('/e/igf-test-2018/programme')).text();
    expect(programme).toContain('Panel 6');
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'bob@example.org'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Programme changes: Forum 2018');
    expect(mails[0]!.text).toContain('New session: Panel 1');
    const ana = await t.db.select().from(outbox).where(eq(outbox.to, 'ana@example.org'));
    expect(ana[0]!.subject).toBe('Cambios en el programa: Foro 2018');
  });

  it('moves a session in the draft: visitors see the old time until version 2, then the change and who was told', async () => {
    const page = await (await organiser.get(eventPath)).text();
    const edit = /href="([^"]+\/sessions\/[0-9a-f-]{36}\/edit)">Panel 1</.exec(page)![1]!;
    const res = await organiser.post(
      edit,
      sessionForm({
        title: 'Panel 1',
        room: 'Aula',
        start: '13:00',
        end: '14:30',
        people: [
          ['ana', 'speaker'],
          ['carla', 'speaker'],
          ['dora', 'speaker'],
          ['bob', 'moderator'],
        ],
      }),
    );
    expect(res.status).toBe(303);
    const publicBefore = await (await t.app.request('/e/igf-test-2018/programme')).text();
    expect(publicBefore).not.toContain('13:00');
    const preview = await (await organiser.get(eventPath)).text();
    expect(preview).toContain('Sesión cambiada: Panel 1 — horario');
    expect(preview).toContain('Publicar la versión 2');
    const before = (await t.db.select().from(outbox)).length;
    await organiser.post(`${eventPath}/publish`, {});
    const publicAfter = await (await t.app.request('/e/igf-test-2018/programme?lang=en')).text();
    expect(publicAfter).toContain('1:00');
    const changes = await (await t.app.request('/e/igf-test-2018/changes')).text();
    expect(changes).toContain('Versión 2');
    expect(changes).toContain('Sesión cambiada: Panel 1 — horario');
    expect(changes).toContain('Versión 1');
    // Ana and Bob are on Panel 1 and have addresses; Carla and Dora have none.
    expect((await t.db.select().from(outbox)).length - before).toBe(2);
  });

  it('asks before removing a session, which stays public until the next version', async () => {
    const page = await (await organiser.get(eventPath)).text();
    const edit = /href="([^"]+\/sessions\/([0-9a-f-]{36}))\/edit">Panel 6</.exec(page)!;
    const confirm = await organiser.get(`${edit[1]}/delete`);
    expect(await confirm.text()).toContain('¿Quitar «Panel 6» del programa?');
    const res = await organiser.post(`${edit[1]}/delete`, {});
    expect(res.status).toBe(303);
    expect(await (await t.app.request('/e/igf-test-2018/programme')).text()).toContain('Panel 6');
    await organiser.post(`${eventPath}/publish`, {});
    expect(await (await t.app.request('/e/igf-test-2018/programme')).text()).not.toContain(
      'Panel 6',
    );
    expect(await (await t.app.request('/e/igf-test-2018/changes')).text()).toContain(
      'Sesión retirada: Panel 6',
    );
  });

  it('forgets an erased person in every published version', async () => {
    expect(await (await t.app.request('/e/igf-test-2018/programme')).text()).toContain('Bob Smith');
    const [row] = await t.db.select().from(people).where(eq(people.id, person.bob!));
    const user = await buildUser(t.db, { email: 'bob@example.org' });
    await t.db.update(people).set({ userId: user!.id }).where(eq(people.id, row!.id));
    await erasePersonalData(t.db, modules, user!);
    // The page does not serve the name from a cached copy of the published version.
    expect(await (await t.app.request('/e/igf-test-2018/programme')).text()).not.toContain(
      'Bob Smith',
    );
    const versions = await t.db.select().from(programmeVersions);
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(JSON.stringify(v.snapshot)).not.toContain('Bob Smith');
      expect(JSON.stringify(v)).not.toContain(person.bob!);
    }
  });
});

describe('another initiative', () => {
  it('cannot reach this edition through its own address', async () => {
    const other = await buildInitiative(t.db);
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: other, role: 'coordinator' }),
    );
    const res = await agent.get(`/i/${other.slug}/editions/igf-test-2018`);
    expect(res.status).toBe(404);
  });
});

describe('a session page', () => {
  it('links the room’s stream unless the session has its own, and says when it is not recorded', async () => {
    const edition = await buildEdition(t.db, { initiative });
    const event = await buildEvent(t.db, { edition });
    const room = await buildRoom(t.db, { event });
    await t.db
      .update(roomTable)
      .set({ streamUrl: 'https://stream.example.org/room' })
      .where(eq(roomTable.id, room));
    const plain = await buildSession(t.db, { initiative, event, roomId: room });
    const own = await buildSession(t.db, {
      initiative,
      event,
      roomId: room,
      streamUrl: 'https://stream.example.org/own',
      doNotRecord: true,
    });
    await publishEvent({ db: t.db, eventId: event.id, userId: null });
    const a = await (await t.app.request(`/e/${edition.slug}/sessions/${plain}`)).text();
    expect(a).toContain('href="https://stream.example.org/room">Ver en línea');
    expect(a).not.toContain('no se graba');
    const b = await (await t.app.request(`/e/${edition.slug}/sessions/${own}?lang=en`)).text();
    expect(b).toContain('href="https://stream.example.org/own">Watch online');
    expect(b).toContain('This session is not recorded.');
  });
});
