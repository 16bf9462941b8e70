/**
 * Adds an activity to the initiative's plan (optionally for one of its editions).
 *
 * @example
 * await addActivity(db, { initiativeId, input: { title: 'Desayuno con la industria', startsOn: '2018-09-19', endsOn: '2018-09-19', status: 'done' } });
 */
import { InputError } from '../../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { editions } from '../../programme/schema';
import { activities } from '../schema';
import type { ActivityInput } from './action-input';

export async function addActivity(
  db: Db,
  o: { initiativeId: string; input: ActivityInput; source?: string | null },
) {
  if (o.input.editionId) {
    const [e] = await db
      .select({ id: editions.id })
      .from(editions)
      .where(and(eq(editions.id, o.input.editionId), eq(editions.initiativeId, o.initiativeId)));
    if (!e) throw new InputError({ editionId: { key: 'form.invalid' } });
  }
  const [row] = await db
    .insert(activities)
    .values({
      initiativeId: o.initiativeId,
      editionId: o.input.editionId ?? null,
      title: o.input.title,
      startsOn: o.input.startsOn ?? null,
      endsOn: o.input.endsOn ?? null,
      status: o.input.status,
      source: o.source ?? null,
    })
    .returning();
  return row!;
}
