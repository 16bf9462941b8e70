import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { deskPlace } from '../src/features/checkin/places';
import { deskState } from '../src/features/checkin/queries';
import { checkins } from '../src/features/checkin/schema';
import { editions, events } from '../src/features/programme/schema';
import { openTestDatabase } from '../tests/support/test-database';
import { arrivals, readCheckinsFile } from './load-checkins';
import { loadDemo } from './load-demo';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemo(database.db);
});
afterAll(() => database.drop());

describe('the demo check-ins', () => {
  it('check in every sample registrant of the 2018 forum once, marked sample, before the inauguration', async () => {
    const db = database.db;
    const [forum] = await db
      .select({ id: events.id })
      .from(events)
      .innerJoin(editions, eq(editions.id, events.editionId))
      .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, 'forum')));
    const state = await deskState(db, { eventId: forum!.id, place: deskPlace });
    expect(state.counts).toEqual({ checkedIn: 201, registered: 201, conflicts: 0 });
    const [notSample] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkins)
      .where(eq(checkins.sample, false));
    expect(notSample!.n).toBe(0);
    const times = state.checkins.map((c) => c.at.getTime());
    expect(Math.min(...times)).toBe(new Date('2018-10-25T07:30:00-06:00').getTime());
    expect(Math.max(...times)).toBeLessThan(new Date('2018-10-25T08:45:00-06:00').getTime());
  });

  it('spreads arrivals over the waves of the file', () => {
    const times = arrivals(readCheckinsFile().waves, 201);
    expect(times).toHaveLength(201);
    expect(times[0]!.toISOString()).toBe('2018-10-25T13:30:00.000Z');
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times.at(-1)! < new Date('2018-10-25T08:45:00-06:00')).toBe(true);
  });
});
