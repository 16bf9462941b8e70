import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import type { Agent } from '../../../tests/support/agent';
import { buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { findInitiativeBySlug } from '../../core/initiatives/queries';
import type { Initiative } from '../../core/initiatives/schema';
import { programmeSessions } from './schema';

let t: TestApp;
let agent: Agent;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  initiative = (await findInitiativeBySlug(t.db, 'igf-guatemala'))!;
  agent = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'organiser' }));
});
afterAll(() => t.close());

async function upload(path: string, name: string, content: string) {
  const form = new FormData();
  form.set('_csrf', agent.csrfToken());
  form.set('file', new File([content], name));
  return agent.request(`${path}/import`, { method: 'POST', body: form });
}

describe('importing a programme into an event', () => {
  it('explains a file that is not a schedule beside the field, in the reader’s language', async () => {
    const edition = await buildEdition(t.db, { initiative });
    const event = await buildEvent(t.db, { edition });
    const path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
    await agent.get(`${path}/import`);
    const res = await upload(path, 'notes.json', '{"hello": "world"}');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('El archivo no es un programa de frab ni de c3voc.');
    const xml = await upload(path, 'broken.xml', '<schedule><unclosed></schedule>');
    expect(await xml.text()).toContain('El archivo no es un XML válido.');
  });

  it('previews the demo’s exported schedule, then imports it once, with the same sessions', async () => {
    const json = await (await t.app.request('/e/igf-guatemala-2018/schedule.json')).text();
    const edition = await buildEdition(t.db, { initiative });
    const event = await buildEvent(t.db, { edition });
    const path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
    await agent.get(`${path}/import`);
    const res = await upload(path, 'schedule.json', json);
    expect(res.status).toBe(303);
    const preview = res.headers.get('location')!;
    const html = await (await agent.get(preview)).text();
    expect(html).toContain('17 sesiones');
    // The three rooms, and the forum's venue (plenary items) as a room of this event's venue.
    expect(html).toContain('Salas: 0 ya existen, 4 nuevas');
    expect(html).toMatch(/Personas: \d+ encontradas en la red, 0 nuevas/);
    expect(html).toContain('Importar 17 sesiones');
    const applied = await agent.post(`${preview}/apply`, {});
    expect(applied.status).toBe(303);
    const page = await (await agent.get(path)).text();
    expect(page).toContain('Importaste 17 sesiones');
    const rows = await t.db
      .select()
      .from(programmeSessions)
      .where(eq(programmeSessions.eventId, event.id));
    expect(rows).toHaveLength(17);
    // The page no longer offers to apply it again, and applying anyway is refused.
    expect(await (await agent.get(preview)).text()).not.toContain('Importar 17 sesiones');
    const again = await agent.post(`${preview}/apply`, {});
    expect(await again.text()).toContain('El evento ya tiene sesiones');
  });
});
