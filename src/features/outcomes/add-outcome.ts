import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { InputError } from '../../http/input-error';
import { OVERALL, type OutcomeInput } from './outcome-input';
import { outcomes, type Outcome } from './schema';

/**
 * Adds a conclusion, recommendation or commitment to an edition as a draft, after the others of
 * its topic. Its topic must be one of the edition's tracks (or none, for the whole event); the
 * text written first is its original language.
 *
 * @example
 * const o = await addOutcome(tx, {
 *   editionId, userId, tracks: ['Network neutrality'],
 *   input: { kind: 'recommendation', topic: 'Network neutrality', textEs: null, textEn: 'All traffic should be treated equally by every internet provider.', source: null },
 * });
 */
export async function addOutcome(
  db: Db,
  o: { editionId: string; userId: string | null; tracks: readonly string[]; input: OutcomeInput },
): Promise<Outcome> {
  const { input } = o;
  const topic = input.topic === OVERALL ? null : input.topic;
  if (topic !== null && !o.tracks.includes(topic))
    throw new InputError({ topic: 'outcomes.error.unknownTopic' });
  const [row] = await db
    .insert(outcomes)
    .values({
      editionId: o.editionId,
      kind: input.kind,
      topic,
      textEs: input.textEs,
      textEn: input.textEn,
      originalLang: input.textEs ? 'es' : 'en',
      source: input.source,
      createdBy: o.userId,
      position: sql`(select coalesce(max(${outcomes.position}), 0) + 1 from ${outcomes}
        where ${outcomes.editionId} = ${o.editionId})`,
    })
    .returning();
  return row!;
}
