/**
 * Changes to one person's record: details, e-mails, phones, affiliations and consents.
 *
 * @example
 * await addPersonEmail(db, { personId, email: 'ana@example.org' }); // false if someone has it
 * await recordConsent(db, { personId, purpose: 'photos', status: 'given', method: 'paper form', recordedBy });
 */
import { isUuid } from '../../lib/uuid';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchKey } from '../../lib/search-key';
import {
  affiliations,
  consents,
  people,
  personEmails,
  personPhones,
  type GenderChoice,
  type StakeholderGroup,
} from './schema';

export type PersonDetailsInput = {
  name: string;
  country?: string;
  languages: string[];
  genderChoice?: GenderChoice;
  genderSelfDescribed?: string;
  stakeholderGroup?: StakeholderGroup;
  notes?: string;
};

async function refreshSearch(db: Db, personId: string) {
  const [p] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  const emails = await db
    .select({ email: personEmails.email })
    .from(personEmails)
    .where(eq(personEmails.personId, personId));
  if (!p) return;
  await db
    .update(people)
    .set({
      searchText: searchKey(p.name, ...emails.map((e) => e.email)),
      nameKey: searchKey(p.name),
      updatedAt: new Date(),
    })
    .where(eq(people.id, personId));
}

export async function updatePersonDetails(
  db: Db,
  personId: string,
  input: PersonDetailsInput,
): Promise<void> {
  await db
    .update(people)
    .set({
      name: input.name,
      country: input.country ?? null,
      languages: input.languages,
      genderChoice: input.genderChoice ?? null,
      genderSelfDescribed:
        input.genderChoice === 'self_described' ? (input.genderSelfDescribed ?? null) : null,
      stakeholderGroup: input.stakeholderGroup ?? null,
      notes: input.notes ?? null,
    })
    .where(eq(people.id, personId));
  await refreshSearch(db, personId);
}

export async function addPersonEmail(
  db: Db,
  o: { personId: string; email: string },
): Promise<boolean> {
  const [taken] = await db
    .select({ id: personEmails.id })
    .from(personEmails)
    .where(eq(sql`lower(${personEmails.email})`, o.email.toLowerCase()));
  if (taken) return false;
  const existing = await db
    .select({ id: personEmails.id })
    .from(personEmails)
    .where(eq(personEmails.personId, o.personId));
  await db.insert(personEmails).values({
    personId: o.personId,
    email: o.email.toLowerCase(),
    isPrimary: existing.length === 0,
  });
  await refreshSearch(db, o.personId);
  return true;
}

export async function addPersonPhone(
  db: Db,
  o: { personId: string; phone: string },
): Promise<void> {
  const existing = await db
    .select({ id: personPhones.id })
    .from(personPhones)
    .where(eq(personPhones.personId, o.personId));
  await db
    .insert(personPhones)
    .values({ personId: o.personId, phone: o.phone, isPrimary: existing.length === 0 });
}

export async function addAffiliation(
  db: Db,
  o: {
    personId: string;
    institutionId: string;
    title?: string;
    startedOn?: string;
    endedOn?: string;
  },
): Promise<void> {
  await db.insert(affiliations).values({
    personId: o.personId,
    institutionId: o.institutionId,
    title: o.title ?? null,
    startedOn: o.startedOn ?? null,
    endedOn: o.endedOn ?? null,
  });
}

export async function endAffiliation(
  db: Db,
  o: { personId: string; affiliationId: string; on: string },
): Promise<boolean> {
  if (!isUuid(o.affiliationId)) return false;
  const rows = await db
    .update(affiliations)
    .set({ endedOn: o.on })
    .where(and(eq(affiliations.id, o.affiliationId), eq(affiliations.personId, o.personId)))
    .returning({ id: affiliations.id });
  return rows.length > 0;
}

export async function recordConsent(
  db: Db,
  o: {
    personId: string;
    purpose: (typeof consents.$inferInsert)['purpose'];
    status: 'given' | 'withdrawn';
    method: string;
    recordedBy: string | null;
  },
): Promise<void> {
  await db.insert(consents).values({
    personId: o.personId,
    purpose: o.purpose,
    status: o.status,
    method: o.method,
    recordedBy: o.recordedBy,
  });
}
