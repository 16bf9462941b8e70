/**
 * What people came for on the public pages: the session's description (HTML from an import
 * reduced to text, nothing executable), the same as plain text in iCalendar, the people's
 * institutions, a singular role label for one person, and dates on a speaker's page when their
 * sessions span days.
 */
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../tests/support/network-factories';
import { at, buildSession, buildEditionEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { searchKey } from '../../lib/search-key';
import { affiliations, institutions } from '../network/schema';
import { publishEvent } from './publishing/publish-event';
import { events } from './schema';

const IMPORTED_HTML =
  '<p>Uno &amp; dos &lt;tres&gt;</p><script>alert(1)</script>' +
  '<p onclick="steal()">Cuatro<br>cinco</p><img src=x onerror="alert(2)"><ul><li>seis</li></ul>';

let t: TestApp;
let slug: string;
let htmlSession: string;
let plainSession: string;
let aliceId: string;
beforeAll(async () => {
  t = await createTestApp();
  const { initiative, edition, event } = await buildEditionEvent(t.db);
  slug = edition.slug;
  // Two days, so one speaker's sessions span days.
  await t.db
    .update(events)
    .set({ endsAt: at('2018-10-26', '17:00') })
    .where(eq(events.id, event.id));
  const alice = await buildPerson(t.db, { initiative, name: 'Alice Ramírez' });
  const bruno = await buildPerson(t.db, { initiative, name: 'Bruno Chen' });
  aliceId = alice.id;
  const [org] = await t.db
    .insert(institutions)
    .values({
      name: 'Universidad de Prueba',
      acronym: 'UPRU',
      stakeholderGroup: 'academia',
      searchText: searchKey('Universidad de Prueba'),
      source: 'test',
    })
    .returning();
  await t.db.insert(affiliations).values({ personId: alice.id, institutionId: org!.id });
  htmlSession = await buildSession(t.db, {
    initiative,
    event,
    titleEs: 'Sesión importada',
    descriptionEs: IMPORTED_HTML,
    people: [{ personId: alice.id, role: 'speaker' }],
  });
  plainSession = await buildSession(t.db, {
    initiative,
    event,
    titleEs: 'Sesión escrita',
    descriptionEs: 'Flechas a <-> b y &lt; literal',
    startsAt: at('2018-10-26', '09:00'),
    endsAt: at('2018-10-26', '10:00'),
    people: [
      { personId: alice.id, role: 'speaker' },
      { personId: bruno.id, role: 'speaker' },
    ],
  });
  await publishEvent({ db: t.db, eventId: event.id, userId: null });
});
afterAll(() => t.close());

describe('public session page', () => {
  it('shows an imported HTML description as text, with nothing executable', async () => {
    const html = await (await t.app.request(`/e/${slug}/sessions/${htmlSession}`)).text();
    expect(html).toContain('<p class="description">Uno &amp; dos &lt;tres&gt;</p>');
    expect(html).toContain('Cuatro');
    expect(html).toContain('• seis');
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('steal()');
    expect(html).not.toContain('<img');
  });

  it('shows a typed description exactly as typed', async () => {
    const html = await (await t.app.request(`/e/${slug}/sessions/${plainSession}`)).text();
    expect(html).toContain('<p class="description">Flechas a &lt;-&gt; b y &amp;lt; literal</p>');
  });

  it('names the institution of each person, and "Speaker" for one, "Speakers" for two', async () => {
    const one = await (await t.app.request(`/e/${slug}/sessions/${htmlSession}?lang=en`)).text();
    expect(one).toMatch(/<strong>Speaker:<\/strong>/);
    expect(one).toContain('Alice Ramírez</a><span class="affiliation"> (UPRU)</span>');
    const two = await (await t.app.request(`/e/${slug}/sessions/${plainSession}?lang=en`)).text();
    expect(two).toMatch(/<strong>Speakers:<\/strong>/);
    const programme = await (await t.app.request(`/e/${slug}/programme?lang=es`)).text();
    expect(programme).toContain('<strong>Panelista:</strong>');
    expect(programme).toContain('Alice Ramírez<span class="affiliation"> (UPRU)</span>');
  });

  it("shows dates on a speaker's page when their sessions span days", async () => {
    const html = await (await t.app.request(`/e/${slug}/people/${aliceId}?lang=en`)).text();
    expect(html).toContain('Thursday, October 25, 2018');
    expect(html).toContain('Friday, October 26, 2018');
  });
});

describe('iCalendar description', () => {
  it('is plain text: no tags from an imported description', async () => {
    const text = await (
      await t.app.request(`/e/${slug}/programme.ics?session=${htmlSession}`)
    ).text();
    const [vevent] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const description = new ICAL.Event(vevent!).description;
    expect(description).toBe('Uno & dos <tres>\n\nCuatro\ncinco\n\n• seis\n\nAlice Ramírez');
  });
});
