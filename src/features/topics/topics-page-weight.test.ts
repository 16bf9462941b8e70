import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { editions } from '../programme/schema';
import { saveTopicCall } from './save-topic-call';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  const [edition] = await t.db
    .select()
    .from(editions)
    .where(eq(editions.slug, 'igf-guatemala-2018'));
  // The demo edition's six tracks, with the call open so the form is shown.
  await saveTopicCall(t.db, {
    editionId: edition!.id,
    input: {
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 3_600_000),
      noteEs: 'Nota',
      noteEn: 'Note',
    },
  });
  // Loading the whole demo can take over 30 s on a busy machine.
}, 120_000);
afterAll(() => t.close());

describe('the public topics pages', () => {
  it.each([
    ['/e/igf-guatemala-2018/topics', 'Network neutrality'],
    ['/e/igf-guatemala-2018/topics/propose', 'name="stakeholderGroup"'],
  ])('%s stays under 15 KB with its stylesheet and needs no script', async (path, expected) => {
    for (const lang of ['es', 'en']) {
      const res = await t.app.request(`${path}?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(expected);
      expect(html).not.toMatch(/<script/);
      const css = await (await t.app.request('/static/styles.css')).text();
      expect(gzipSync(html).length + gzipSync(css).length).toBeLessThan(15 * 1024);
    }
  });
});
