import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { loadDemo } from '../../../demo/load-demo';
import { events } from './schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
});
afterAll(() => t.close());

describe('public programme pages', () => {
  it('show the edition with its public events only, with schema.org data', async () => {
    const html = await (await t.app.request('/e/igf-guatemala-2018')).text();
    expect(html).toContain('2.º Foro para la Gobernanza de la Internet');
    expect(html).toContain('Universidad del Istmo (UNIS), Fraijanes');
    expect(html).not.toContain('Conferencia de prensa de lanzamiento');
    expect(html).toMatch(
      /<script type="application\/ld\+json" nonce="[^"]+">\{"@context":"https:\/\/schema.org","@type":"Event"/,
    );
    expect((await t.app.request('/e/no-such-edition')).status).toBe(404);
  });

  it('show the programme by day with the six panels, filterable by room, in both languages', async () => {
    const res = await t.app.request('/e/igf-guatemala-2018/programme');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/class="session kind-panel"/g)).toHaveLength(6);
    expect(html.match(/class="slot parallel"/g)).toHaveLength(2);
    expect(html).toContain('Horas en America/Guatemala');
    expect(html).toContain('<time datetime="2018-10-25T16:30:00.000Z">10:30');
    const ficohsa = await (
      await t.app.request('/e/igf-guatemala-2018/programme?room=Auditorium+Ficohsa')
    ).text();
    expect(ficohsa.match(/class="session /g)).toHaveLength(2);
    const en = await (await t.app.request('/e/igf-guatemala-2018/programme?lang=en')).text();
    expect(en).toContain('Defense of the Network Neutrality Principles');
    expect(en).toContain('lang="en"');
  });

  it('show a session with its people, and hide sessions of unpublished events', async () => {
    const html = await (await t.app.request('/e/igf-guatemala-2018/programme')).text();
    const href =
      /href="(\/e\/igf-guatemala-2018\/sessions\/[0-9a-f-]+)">Defensa del principio/.exec(
        html,
      )?.[1];
    const session = await (await t.app.request(href!)).text();
    expect(session.replace(/<[^>]+>/g, '')).toContain(
      'Freddy Arévalo (Intelcom), Karl Monzón (CyberSeg), José Luis Chávez (Haru Technologies)',
    );
    const speaker = /href="(\/e\/igf-guatemala-2018\/people\/[0-9a-f-]+)">Karl Monzón</.exec(
      session,
    )?.[1];
    expect(speaker).toBeDefined();
    const speakerPage = await (await t.app.request(speaker!)).text();
    expect(speakerPage).toContain('<h1>Karl Monzón</h1>');
    expect(speakerPage).toContain('Defensa del principio');
    expect(speakerPage).toContain('"@type":"Person"');
    expect(
      (await t.app.request('/e/igf-guatemala-2018/people/00000000-0000-0000-0000-000000000000'))
        .status,
    ).toBe(404);
    expect(session.replace(/<a [^>]+>|<\/a>/g, '')).toContain('Moderación:</strong> Fred Clark');
    expect(session).toContain('"superEvent"');
    await t.db.update(events).set({ published: false }).where(eq(events.kind, 'forum'));
    expect((await t.app.request(href!)).status).toBe(404);
    expect(await (await t.app.request('/e/igf-guatemala-2018/programme')).text()).toContain(
      'todavía no está publicado',
    );
    await t.db.update(events).set({ published: true }).where(eq(events.kind, 'forum'));
  });

  it('stay small and work without JavaScript', async () => {
    const res = await t.app.request('/e/igf-guatemala-2018/programme', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const html = await (await t.app.request('/e/igf-guatemala-2018/programme')).text();
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});
