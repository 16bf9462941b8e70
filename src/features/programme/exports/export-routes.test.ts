import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSession, buildEditionEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { publishEvent } from '../publishing/publish-event';
import { programmeSessions, venues } from '../schema';

let t: TestApp;
let slug: string;
let eventId: string;
let sessionId: string;
beforeAll(async () => {
  t = await createTestApp();
  const { initiative, edition, event } = await buildEditionEvent(t.db);
  slug = edition.slug;
  eventId = event.id;
  sessionId = await buildSession(t.db, { initiative, event, titleEs: 'Primera' });
  await publishEvent({ db: t.db, eventId, userId: null });
});
afterAll(() => t.close());

const paths = () => [
  `/e/${slug}/programme.ics`,
  `/e/${slug}/programme.ics?lang=en`,
  `/e/${slug}/programme.ics?session=${sessionId}`,
  `/e/${slug}/schedule.xml`,
  `/e/${slug}/schedule.json`,
];

describe('exports of a published version', () => {
  it('carry an ETag and Last-Modified, and answer 304 to a client that holds them', async () => {
    const tags = new Set<string>();
    for (const path of paths()) {
      const first = await t.app.request(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(etag, path).toMatch(/^W\/".+"$/);
      expect(new Date(lastModified).getTime(), path).toBeGreaterThan(0);
      tags.add(etag);
      const same = await t.app.request(path, { headers: { 'If-None-Match': etag } });
      expect(same.status, path).toBe(304);
      expect(await same.text(), path).toBe('');
      const since = await t.app.request(path, { headers: { 'If-Modified-Since': lastModified } });
      expect(since.status, path).toBe(304);
      const stale = await t.app.request(path, { headers: { 'If-None-Match': 'W/"stale"' } });
      expect(stale.status, path).toBe(200);
      expect(await stale.text(), path).toBe(await first.text());
    }
    expect(tags.size).toBe(paths().length);
  });

  it('serve the new version, with a new ETag, once the next one is published', async () => {
    const before = await t.app.request(`/e/${slug}/schedule.json`);
    const etag = before.headers.get('etag')!;
    await t.db
      .update(programmeSessions)
      .set({ titleEs: 'Primera, con otro título' })
      .where(eq(programmeSessions.id, sessionId));
    // The draft changed, the published version did not: same export.
    const draft = await t.app.request(`/e/${slug}/schedule.json`, {
      headers: { 'If-None-Match': etag },
    });
    expect(draft.status).toBe(304);
    await publishEvent({ db: t.db, eventId, userId: null });
    const after = await t.app.request(`/e/${slug}/schedule.json`, {
      headers: { 'If-None-Match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('Primera, con otro título');
  });

  it('change when a live field they print changes (the venue name), without a new version', async () => {
    const before = await t.app.request(`/e/${slug}/schedule.xml`);
    const etag = before.headers.get('etag')!;
    const [event] = await t.db.select().from(venues);
    await t.db.update(venues).set({ name: 'Otro campus' }).where(eq(venues.id, event!.id));
    const after = await t.app.request(`/e/${slug}/schedule.xml`, {
      headers: { 'If-None-Match': etag },
    });
    expect(after.status).toBe(200);
  });

  it('are sent gzip-compressed to clients that take gzip, the same text once decoded', async () => {
    const plain = await (await t.app.request(`/e/${slug}/schedule.xml`)).text();
    const res = await t.app.request(`/e/${slug}/schedule.xml`, {
      headers: { 'Accept-Encoding': 'gzip, deflate' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
    const refused = await t.app.request(`/e/${slug}/schedule.xml`, {
      headers: { 'Accept-Encoding': 'gzip;q=0' },
    });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(plain);
  });

  it('still answer 404 for an unknown edition or session', async () => {
    expect((await t.app.request('/e/no-such-edition/schedule.json')).status).toBe(404);
    expect(
      (await t.app.request(`/e/${slug}/programme.ics?session=00000000-0000-0000-0000-000000000000`))
        .status,
    ).toBe(404);
  });
});
