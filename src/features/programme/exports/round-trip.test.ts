/**
 * Text survives Convoca's own export → import exactly, through frab XML and c3voc JSON: a seeded
 * property test over arbitrary strings made of the characters and fragments that break escaping
 * (`&`, `<`, `>`, quotes, text that looks like entities or markup, emoji, RTL marks, accents,
 * line breaks and `$` replacement patterns), and the file's identifiers kept by an import and
 * exported again. A failure names the seed and the session, so it can be replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../../tests/support/factories';
import {
  at,
  buildEdition,
  buildEvent,
  buildSession,
} from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Initiative } from '../../../core/initiatives/schema';
import { parseC3vocSchedule } from '../import/parse-c3voc';
import { parseFrabSchedule } from '../import/parse-frab';
import { sessionFields } from '../import/preview-import';
import type { ImportedProgramme } from '../import/types';
import { publishEvent } from '../publishing/publish-event';

/** A small seeded generator (mulberry32): the same seed gives the same strings. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '&lt;',
  '&gt;',
  '&amp;',
  '&lt;-&gt;',
  '&#233;',
  '&#x26;',
  '&copy;',
  '&nbsp;',
  '&unknown;',
  '&#0;',
  '&',
  ';',
  ']]>',
  '<![CDATA[',
  '<b>',
  '</p>',
  '<!-- -->',
  '<?x?>',
  '😀',
  '👩🏽‍💻',
  '🇬🇹',
  '\u200f',
  '\u200e',
  '\u202e',
  '\u061c',
  'مرحبا',
  'שלום',
  'ñ',
  'é',
  'ü',
  '中文',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r\n',
  'a',
  'Z',
  '0',
  '$&',
  '$1',
  '\\',
  '{"x":1}',
  '%20',
  '+',
];

/** An arbitrary non-empty string without leading or trailing whitespace (imports trim). */
function arbitraryText(next: () => number): string {
  const length = 1 + Math.floor(next() * 24);
  let text = '';
  for (let i = 0; i < length; i++) {
    text +=
      next() < 0.8
        ? PIECES[Math.floor(next() * PIECES.length)]!
        : String.fromCodePoint(0x20 + Math.floor(next() * 0x2fe0)); // anything printable in the BMP's first part
  }
  return text.trim() || 'x';
}

let t: TestApp;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

type Stored = {
  titleEs: string;
  titleEn: string | null;
  descriptionEs: string | null;
  descriptionEn: string | null;
  topic: string | null;
};

/** Publishes one event with `count` sessions of arbitrary text; returns its slug and the texts. */
async function publishArbitrary(seed: number, count: number) {
  const next = generator(seed);
  const edition = await buildEdition(t.db, { initiative });
  const event = await buildEvent(t.db, { edition });
  const stored = new Map<string, Stored>();
  for (let i = 0; i < count; i++) {
    const texts: Stored = {
      titleEs: arbitraryText(next),
      titleEn: arbitraryText(next),
      descriptionEs: arbitraryText(next),
      descriptionEn: arbitraryText(next),
      topic: arbitraryText(next),
    };
    const hour = String(8 + (i % 8)).padStart(2, '0');
    const id = await buildSession(t.db, {
      initiative,
      event,
      ...texts,
      startsAt: at('2018-10-25', `${hour}:00`),
      endsAt: at('2018-10-25', `${hour}:30`),
    });
    stored.set(id, texts);
  }
  await publishEvent({ db: t.db, eventId: event.id, userId: null });
  return { slug: edition.slug, stored };
}

function expectSame(programme: ImportedProgramme, stored: Map<string, Stored>, where: string) {
  expect(programme.sessions).toHaveLength(stored.size);
  for (const session of programme.sessions) {
    const want = stored.get(session.guid!);
    expect(want, `${where}: guid ${session.guid}`).toBeDefined();
    const got = sessionFields(programme, session);
    expect(
      {
        titleEs: got.titleEs,
        titleEn: got.titleEn,
        descriptionEs: got.descriptionEs,
        descriptionEn: got.descriptionEn,
        topic: got.topic,
      },
      `${where}: session ${session.guid}`,
    ).toEqual(want);
  }
}

describe('export → import round trip of text', () => {
  for (const seed of [1, 2, 3, 20261204]) {
    it(`keeps arbitrary text exactly through frab XML and c3voc JSON (seed ${seed})`, async () => {
      const { slug, stored } = await publishArbitrary(seed, 25);
      const xml = await (await t.app.request(`/e/${slug}/schedule.xml`)).text();
      expectSame(parseFrabSchedule(xml), stored, `frab, seed ${seed}`);
      const json = await (await t.app.request(`/e/${slug}/schedule.json`)).text();
      expectSame(parseC3vocSchedule(json), stored, `c3voc, seed ${seed}`);
    });
  }

  it('keeps the literal text "&lt;-&gt;" (the case seen in a real schedule)', async () => {
    const edition = await buildEdition(t.db, { initiative });
    const event = await buildEvent(t.db, { edition });
    const id = await buildSession(t.db, {
      initiative,
      event,
      titleEs: 'A &lt;-&gt; B',
      descriptionEs: 'x &amp; y',
    });
    await publishEvent({ db: t.db, eventId: event.id, userId: null });
    const xml = await (await t.app.request(`/e/${edition.slug}/schedule.xml`)).text();
    const [session] = parseFrabSchedule(xml).sessions;
    expect(session!.guid).toBe(id);
    expect(session!.title).toBe('A &lt;-&gt; B');
    expect(session!.abstract).toBe('x &amp; y');
  });
});
