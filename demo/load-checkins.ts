/**
 * Loads demo/checkins.json: the 2018 forum's sample registrants checked in at the desk on the
 * day (the seed's "over 200 people"), every check-in marked sample; desks and times are demo
 * assumptions (see the file's `about`). Needs the registrations part.
 *
 * @example
 * await loadCheckins(db); // 201 sample check-ins on the igf-guatemala-2018 forum
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { deskPlace } from '../src/features/checkin/places';
import { checkins } from '../src/features/checkin/schema';
import { editions, events } from '../src/features/programme/schema';
import { registrations } from '../src/features/registration/schema';

const file = z.object({
  about: z.string(),
  event: z.literal('forum'),
  desks: z.array(z.string().min(1)).min(1),
  waves: z
    .array(
      z.object({
        share: z.number().min(0).max(1),
        from: z.iso.datetime({ offset: true }),
        to: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1),
});

export function readCheckinsFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./checkins.json', import.meta.url), 'utf8')));
}

/** Arrival times for `n` people: each wave takes its share, spread evenly over its window. */
export function arrivals(waves: z.infer<typeof file>['waves'], n: number): Date[] {
  const out: Date[] = [];
  waves.forEach((w, i) => {
    const count = i === waves.length - 1 ? n - out.length : Math.round(w.share * n);
    const from = new Date(w.from).getTime();
    const span = new Date(w.to).getTime() - from;
    for (let k = 0; k < count; k++) out.push(new Date(from + Math.floor((span * k) / count)));
  });
  return out;
}

export async function loadCheckins(db: Db) {
  const data = readCheckinsFile();
  const [forum] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, data.event)));
  if (!forum) throw new Error('The check-in demo needs the demo forum');
  const people = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, forum.id),
        eq(registrations.sample, true),
        eq(registrations.status, 'confirmed'),
      ),
    )
    .orderBy(asc(registrations.name));
  if (people.length === 0) return;
  const times = arrivals(data.waves, people.length);
  await db.insert(checkins).values(
    people.map((p, i) => ({
      id: randomUUID(),
      eventId: forum.id,
      registrationId: p.id,
      place: deskPlace,
      deskName: data.desks[i % data.desks.length]!,
      outcome: 'recorded' as const,
      at: times[i]!,
      receivedAt: times[i]!,
      sample: true,
    })),
  );
}
