/**
 * Loads demo/registrations.json: the forum's registration, closed when the forum began, with
 * sample registrations standing for the "over 200 people" of the seed — no names, no e-mails,
 * no network records, each marked `sample`.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { sha256, randomToken } from '../src/lib/crypto';
import { editions, events } from '../src/features/programme/schema';
import { ticketCode } from '../src/features/registration/register-for-event';
import { registrationSettings, registrations } from '../src/features/registration/schema';

const file = z.object({
  about: z.string(),
  event: z.literal('forum'),
  sampleRegistrants: z.number().int().min(0),
  closesAt: z.iso.datetime({ offset: true }),
});

export async function loadRegistrations(db: Db) {
  const data = file.parse(
    JSON.parse(readFileSync(new URL('./registrations.json', import.meta.url), 'utf8')),
  );
  const [forum] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, data.event)));
  if (!forum) throw new Error('The registration demo needs the demo forum');
  await db.insert(registrationSettings).values({
    eventId: forum.id,
    capacity: null,
    closesAt: new Date(data.closesAt),
  });
  const at = new Date(data.closesAt);
  await db.insert(registrations).values(
    Array.from({ length: data.sampleRegistrants }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return {
        eventId: forum.id,
        email: `sample-${n}@demo.invalid`,
        name: `Sample registrant ${n}`,
        status: 'confirmed' as const,
        queuedAt: at,
        tokenHash: sha256(randomToken()),
        ticketCode: ticketCode(),
        sample: true,
      };
    }),
  );
}
