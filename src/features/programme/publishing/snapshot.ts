/**
 * A published programme is a snapshot of the draft tables: what visitors and exports read until
 * the next version. Stored as JSON in `programme_versions.snapshot`; dates travel as ISO strings.
 *
 * @example
 * const snap = await takeSnapshot(db, event.id);
 * const again = readSnapshot(JSON.parse(JSON.stringify(snap)));
 */
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { programmeOf, type ProgrammeItem } from '../queries';

export type Snapshot = { sessions: ProgrammeItem[] };

export async function takeSnapshot(db: Db, eventId: string): Promise<Snapshot> {
  return { sessions: await programmeOf(db, [eventId]) };
}

const stored = z.object({
  sessions: z.array(
    z.looseObject({
      startsAt: z.coerce.date(),
      endsAt: z.coerce.date(),
    }),
  ),
});

/** Turns stored JSON back into programme items (dates revived); refuses anything else. */
export function readSnapshot(json: unknown): Snapshot {
  const parsed = stored.parse(json);
  return { sessions: parsed.sessions as unknown as ProgrammeItem[] };
}
