import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { editions, events } from '../programme/schema';
import { saveRegistrationSettings } from './save-settings';
import { registrationQuestions } from './schema';

let t: TestApp;
let path: string;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  const [forum] = await t.db
    .select({ id: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, 'forum')));
  // The demo forum with registration open, its three buses, its published sessions and two questions.
  await saveRegistrationSettings({
    db: t.db,
    eventId: forum!.id,
    input: {
      capacity: 300,
      requiresApproval: false,
      offerHours: 48,
      opensAt: null,
      closesAt: null,
    },
  });
  await t.db.insert(registrationQuestions).values([
    {
      eventId: forum!.id,
      kind: 'single',
      labelEs: '¿Necesitas almuerzo vegetariano?',
      labelEn: 'Do you need a vegetarian lunch?',
      options: [
        { es: 'Sí', en: 'Yes' },
        { es: 'No', en: 'No' },
      ],
    },
    { eventId: forum!.id, kind: 'long_text', labelEs: '¿Qué esperas del foro?', labelEn: null },
  ]);
  path = `/e/igf-guatemala-2018/events/${forum!.id}/register`;
});
afterAll(() => t.close());

describe('the public registration page', () => {
  it.each(['es', 'en'])(
    'stays under 20 KB transferred with its stylesheet and needs no script (%s)',
    async (lang) => {
      const res = await t.app.request(`${path}?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('name="sessionIds"');
      expect(html).toContain('name="transportRouteId"');
      expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      const css = await (await t.app.request('/static/styles.css')).text();
      const transferred = gzipSync(html).length + gzipSync(css).length;
      expect(transferred).toBeLessThan(20 * 1024);
    },
  );
});
