import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../tests/support/test-database';
import type { Database } from '../src/db/client';
import { loadAttendance, loadMostAttendedSessions } from '../src/features/event-day/attendance';
import { listRoster } from '../src/features/event-day/list-roster';
import { editions, events } from '../src/features/programme/schema';
import { loadDemo } from './load-demo';

let database: Database & { drop(): Promise<void> };
let editionId: string;
let forumId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db);
  const [row] = await database.db
    .select({ edition: editions.id, event: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(eq(editions.slug, 'igf-guatemala-2018'));
  editionId = row!.edition;
  const [forum] = await database.db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.kind, 'forum'));
  forumId = forum!.id;
}, 120_000);
afterAll(() => database.drop());

describe('the demo event day', () => {
  it('has a sample roster from the five institutions the seed names, no e-mail, no account', async () => {
    const roster = await listRoster(database.db, { eventId: forumId });
    expect(roster).toHaveLength(10);
    expect(new Set(roster.map((v) => v.institution))).toEqual(
      new Set(['UNIS', 'CETEL', 'ISOC', 'UNESCO', 'ISOC Guatemala']),
    );
    expect(roster.every((v) => v.sample && v.name.endsWith('— muestra'))).toBe(true);
    expect(
      roster.every((v) => v.email === null && v.userId === null && v.accessUntil === null),
    ).toBe(true);
    expect(roster.flatMap((v) => v.shifts).filter((s) => s.task === 'desk').length).toBeGreaterThan(
      0,
    );
  });

  it('makes the seed’s three panels the most attended, every count marked as sample', async () => {
    const top = await loadMostAttendedSessions(database.db, {
      editionId,
      limit: 3,
      kinds: ['panel'],
    });
    expect(top.map((s) => s.titleEn)).toEqual([
      'Protection of the data and information of the Internet users',
      'Freedom of expression in the electoral context',
      'Responsible and safe use of the Internet for children and teenagers',
    ]);
    const rows = await loadAttendance(database.db, forumId);
    const counted = rows.filter((r) => Object.keys(r.counts).length > 0);
    expect(counted).toHaveLength(6);
    expect(counted.every((r) => r.sample)).toBe(true);
    const morning = counted.filter((r) => r.startsAt.getUTCHours() === 16);
    expect(morning.reduce((n, r) => n + (r.counts.middle ?? 0), 0)).toBeGreaterThan(200);
  });
});
