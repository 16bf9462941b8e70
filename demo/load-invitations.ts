/**
 * Loads demo/invitations.json: who was invited to, and came to, the breakfast meeting and the
 * press conference of IGF Guatemala 2018 (invitation-only events). Named people are linked to the
 * demo network; rows standing for unnamed representatives are marked `sample`. The seed gives no
 * e-mail addresses, so none are invented and no invitation link exists for these rows.
 *
 * @example
 * await loadInvitations(db); // after the network and programme parts
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { randomToken, sha256 } from '../src/lib/crypto';
import { searchKey } from '../src/lib/search-key';
import { people } from '../src/features/network/schema';
import { editions, eventKinds, events } from '../src/features/programme/schema';
import { invitations } from '../src/features/registration/schema';
import { readNetworkFile } from './load-network';

const invitee = z.union([
  z.object({ institution: z.string(), representing: z.string() }),
  z.object({ person: z.string(), name: z.string(), representing: z.string() }),
]);

const file = z.object({
  about: z.string(),
  events: z.array(z.object({ event: z.enum(eventKinds), invitees: z.array(invitee) })),
});

export function readInvitationsFile() {
  return file.parse(
    JSON.parse(readFileSync(new URL('./invitations.json', import.meta.url), 'utf8')),
  );
}

export async function loadInvitations(db: Db) {
  const data = readInvitationsFile();
  const network = readNetworkFile();
  for (const e of data.events) {
    const [event] = await db
      .select({ id: events.id })
      .from(events)
      .innerJoin(editions, eq(editions.id, events.editionId))
      .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, e.event)));
    if (!event) throw new Error(`The invitations demo needs the demo ${e.event}`);
    for (const i of e.invitees) {
      let personId: string | null = null;
      let name: string;
      if ('person' in i) {
        if (!network.people.some((p) => p.key === i.person))
          throw new Error(`demo invitations name a person missing from network.json: ${i.person}`);
        const [row] = await db
          .select({ id: people.id })
          .from(people)
          .where(eq(people.nameKey, searchKey(i.name)));
        if (!row) throw new Error(`demo invitations: ${i.name} is not in the demo network`);
        personId = row.id;
        name = i.name;
      } else {
        if (!network.institutions.some((x) => x.key === i.institution))
          throw new Error(
            `demo invitations name an institution missing from network.json: ${i.institution}`,
          );
        name = `Sample invitee — ${i.representing}`;
      }
      await db.insert(invitations).values({
        eventId: event.id,
        personId,
        name,
        email: null,
        representing: i.representing,
        lang: 'es',
        status: 'accepted',
        attended: true,
        // A link that was never sent and matches nothing (the token is thrown away).
        tokenHash: sha256(randomToken()),
        sample: personId === null,
      });
    }
  }
}
