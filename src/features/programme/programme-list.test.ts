/** A long public day: links to jump to each start time, and light structured data on the list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../tests/support/factories';
import { buildEdition, buildEvent, buildSession } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { publishEvent } from './publishing/publish-event';

let t: TestApp;
let slug: string;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const initiative = await buildInitiative(t.db);
  const edition = await buildEdition(t.db, { initiative });
  slug = edition.slug;
  const event = await buildEvent(t.db, { edition });
  for (const [start, end] of [
    ['09:00', '09:30'],
    ['09:30', '10:00'],
    ['10:00', '10:45'],
    ['11:15', '12:00'],
    ['14:00', '15:00'],
  ] as const)
    ids.push(await buildSession(t.db, { initiative, event, start, end }));
  await publishEvent({ db: t.db, eventId: event.id, userId: null });
});
afterAll(() => t.close());

const jsonLd = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!);

describe('the public programme of a long day', () => {
  it('links to each start time, and each link lands on its time slot', async () => {
    const html = await (await t.app.request(`/e/${slug}/programme?lang=en`)).text();
    expect(html).toContain('aria-label="Jump to a time');
    for (const time of ['0900', '0930', '1000', '1115', '1400']) {
      expect(html).toContain(`href="#t-2018-10-25-${time}"`);
      expect(html).toContain(`id="t-2018-10-25-${time}"`);
    }
  });

  it('carries a light list of session addresses as JSON-LD; the session page the full event', async () => {
    const html = await (await t.app.request(`/e/${slug}/programme`)).text();
    const list = jsonLd(html);
    expect(list['@type']).toBe('ItemList');
    expect(list.itemListElement).toHaveLength(ids.length);
    for (const id of ids)
      expect(list.itemListElement.map((e: { url: string }) => e.url)).toContainEqual(
        expect.stringMatching(new RegExp(`/e/${slug}/sessions/${id}$`)),
      );
    expect(JSON.stringify(list)).not.toContain('startDate');
    const session = jsonLd(await (await t.app.request(`/e/${slug}/sessions/${ids[0]}`)).text());
    expect(session).toMatchObject({ '@type': 'Event', startDate: '2018-10-25T15:00:00.000Z' });
  });
});
