import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { CACHED_EXPORTS, cachedExport, clearExportCache } from './export-cache';
import { etagOf, isNotModified } from './conditional';

beforeEach(() => clearExportCache());

describe('cachedExport', () => {
  it('builds a key once, and once only for requests that arrive while it is being built', async () => {
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const build = async () => {
      builds++;
      await gate;
      return 'body';
    };
    const waiting = Promise.all([1, 2, 3, 4, 5].map(() => cachedExport({ key: 'k', build })));
    release();
    const bodies = await waiting;
    expect(bodies.map((b) => b.text)).toEqual(['body', 'body', 'body', 'body', 'body']);
    expect(gunzipSync(bodies[0]!.gzip).toString()).toBe('body');
    expect((await cachedExport({ key: 'k', build })).text).toBe('body');
    expect(builds).toBe(1);
  });

  it('builds again for another key, keeps the most recently used, and retries a failed build', async () => {
    let builds = 0;
    const build = (body: string) => async () => {
      builds++;
      return body;
    };
    await cachedExport({ key: 'first', build: build('1') });
    for (let i = 0; i < CACHED_EXPORTS - 1; i++)
      await cachedExport({ key: `k${i}`, build: build('x') });
    await cachedExport({ key: 'first', build: build('again') }); // used: now the newest
    await cachedExport({ key: 'one more', build: build('y') }); // pushes out k0, not "first"
    expect((await cachedExport({ key: 'first', build: build('rebuilt') })).text).toBe('1');
    expect((await cachedExport({ key: 'k0', build: build('rebuilt') })).text).toBe('rebuilt');
    expect(builds).toBe(CACHED_EXPORTS + 2);
    await expect(
      cachedExport({ key: 'fails', build: () => Promise.reject(new Error('no')) }),
    ).rejects.toThrow('no');
    expect((await cachedExport({ key: 'fails', build: build('ok') })).text).toBe('ok');
  });
});

describe('isNotModified', () => {
  const etag = etagOf('abc', 'ics', 'es');
  const lastModified = new Date('2026-01-02T03:04:05Z');
  const check = (ifNoneMatch?: string, ifModifiedSince?: string) =>
    isNotModified({ ifNoneMatch, ifModifiedSince, etag, lastModified });

  it('matches the tag, weak or strong, in a list or as *', () => {
    expect(etag).toBe('W/"abc-ics-es"');
    expect(check(etag)).toBe(true);
    expect(check('"abc-ics-es"')).toBe(true);
    expect(check('"other", W/"abc-ics-es"')).toBe(true);
    expect(check('*')).toBe(true);
    expect(check('W/"abc-ics-en"')).toBe(false);
  });

  it('reads If-Modified-Since only without If-None-Match', () => {
    expect(check(undefined, lastModified.toUTCString())).toBe(true);
    expect(check(undefined, new Date('2026-01-02T03:04:04Z').toUTCString())).toBe(false);
    expect(check('W/"old"', lastModified.toUTCString())).toBe(false);
    expect(check(undefined, 'not a date')).toBe(false);
    expect(
      isNotModified({ ifNoneMatch: undefined, ifModifiedSince: 'x', etag, lastModified: null }),
    ).toBe(false);
  });
});
