/**
 * Records an in-kind contribution (what it is, and its estimated value only when one is known).
 *
 * @example
 * await recordInKind(db, { editionId, userId, input: { institutionId, description: 'Sede y equipo', currency: 'USD', amountMinor: 39300, acknowledged: true, sponsorLevel: null } });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions } from '../network/schema';
import type { InKindInput } from './money-input';
import { contributions } from './schema';

export async function recordInKind(
  db: Db,
  o: { editionId: string; userId: string | null; input: InKindInput; source?: string },
) {
  const [donor] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, o.input.institutionId));
  if (!donor) throw new InputError({ institutionId: { key: 'money.form.unknownDonor' } });
  const [row] = await db
    .insert(contributions)
    .values({
      ...o.input,
      editionId: o.editionId,
      kind: 'in_kind',
      status: 'received',
      source: o.source ?? null,
      createdBy: o.userId,
    })
    .returning();
  return row!;
}
