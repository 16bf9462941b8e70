/**
 * The network's part of a person's data: the records that are theirs (linked to the account or
 * carrying its verified address) with contacts, consents, affiliations and participation. Erasure
 * keeps only what aggregate counts need (year, kind, stakeholder group, country, gender category).
 *
 * @example
 * const ids = await peopleOfUser(db, user);
 */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { User } from '../../core/accounts/schema';
import type { PersonalDataPart } from '../../core/module';
import { getPersonRecord } from './people';
import { consents, people, personEmails, personPhones } from './schema';

/** The network records that are this user's: linked to the account, or with their verified e-mail. */
export async function peopleOfUser(db: Db, user: User): Promise<string[]> {
  const byEmail = user.emailVerifiedAt
    ? sql`exists (select 1 from ${personEmails} e where e.person_id = ${people.id} and lower(e.email) = ${user.email.toLowerCase()})`
    : sql`false`;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(isNull(people.erasedAt), or(eq(people.userId, user.id), byEmail)));
  return rows.map((r) => r.id);
}

export const networkPersonalData: PersonalDataPart = {
  label: 'network.privacyPart',
  tables: [
    'people',
    'person_emails',
    'person_phones',
    'consents',
    'affiliations',
    'participations',
    // An import's rows are the imported people's data; its author is set to null with the account.
    'people_imports',
  ],
  identify: peopleOfUser,
  collect: async (db, subject) => {
    const records = await Promise.all(subject.personIds.map((id) => getPersonRecord(db, id)));
    return {
      records: records.filter((r) => r !== undefined).map(({ searchText: _s, ...r }) => r),
    };
  },
  erase: async (tx, subject) => {
    const ids = subject.personIds;
    if (!ids.length) return;
    await tx.delete(personEmails).where(inArray(personEmails.personId, ids));
    await tx.delete(personPhones).where(inArray(personPhones.personId, ids));
    await tx.delete(consents).where(inArray(consents.personId, ids));
    await tx
      .update(people)
      .set({
        name: '',
        languages: [],
        genderSelfDescribed: null,
        notes: null,
        userId: null,
        searchText: '',
        nameKey: '',
        source: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(inArray(people.id, ids));
  },
};
