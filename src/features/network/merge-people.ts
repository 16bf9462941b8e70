/**
 * Merges a repeated person into another: e-mails, phones, affiliations, consents and the whole
 * participation history move over; blank details are filled from the repeated record; then the
 * repeated record is deleted.
 *
 * @example
 * await mergePeople(db, { keepId, mergeId });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchKey } from '../../lib/search-key';
import {
  affiliations,
  consents,
  participations,
  people,
  personEmails,
  personPhones,
} from './schema';

export async function mergePeople(
  db: Db,
  o: { keepId: string; mergeId: string },
): Promise<boolean> {
  if (o.keepId === o.mergeId) return false;
  return db.transaction(async (tx) => {
    const [keep] = await tx.select().from(people).where(eq(people.id, o.keepId));
    const [merge] = await tx.select().from(people).where(eq(people.id, o.mergeId));
    if (!keep || !merge || keep.erasedAt || merge.erasedAt) return false;
    await tx
      .update(personEmails)
      .set({ personId: keep.id, isPrimary: false })
      .where(eq(personEmails.personId, merge.id));
    await tx
      .update(personPhones)
      .set({ personId: keep.id, isPrimary: false })
      .where(eq(personPhones.personId, merge.id));
    await tx
      .update(affiliations)
      .set({ personId: keep.id })
      .where(eq(affiliations.personId, merge.id));
    await tx.update(consents).set({ personId: keep.id }).where(eq(consents.personId, merge.id));
    await tx
      .update(participations)
      .set({ personId: keep.id })
      .where(eq(participations.personId, merge.id));
    const emails = await tx
      .select({ email: personEmails.email })
      .from(personEmails)
      .where(eq(personEmails.personId, keep.id));
    await tx.delete(people).where(eq(people.id, merge.id));
    await tx
      .update(people)
      .set({
        country: keep.country ?? merge.country,
        languages: [...new Set([...keep.languages, ...merge.languages])],
        genderChoice: keep.genderChoice ?? merge.genderChoice,
        genderSelfDescribed: keep.genderChoice
          ? keep.genderSelfDescribed
          : merge.genderSelfDescribed,
        stakeholderGroup: keep.stakeholderGroup ?? merge.stakeholderGroup,
        userId: keep.userId ?? merge.userId,
        notes: [keep.notes, merge.notes].filter(Boolean).join('\n\n') || null,
        searchText: searchKey(keep.name, ...emails.map((e) => e.email)),
        updatedAt: new Date(),
      })
      .where(eq(people.id, keep.id));
    return true;
  });
}
