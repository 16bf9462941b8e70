/**
 * Creates a yearly edition of an initiative; its slug is its public address (`/e/{slug}`).
 *
 * @example
 * const edition = await createEdition({ db, initiativeId, input: { name: 'IGF Guatemala 2019', slug: 'igf-guatemala-2019', year: 2019, travelBufferMinutes: 15, maxSessionsPerSpeaker: 3 } });
 */
import { InputError } from '../../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { editions, type Edition } from '../schema';
import type { EditionInput } from './edition-input';

export async function createEdition(o: {
  db: Db;
  initiativeId: string;
  input: EditionInput;
}): Promise<Edition> {
  const [taken] = await o.db
    .select({ id: editions.id })
    .from(editions)
    .where(eq(editions.slug, o.input.slug));
  if (taken) throw new InputError({ slug: 'programme.form.slugTaken' });
  const [row] = await o.db
    .insert(editions)
    .values({ ...o.input, initiativeId: o.initiativeId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new InputError({ slug: 'programme.form.slugTaken' });
  return row;
}
