/**
 * Checks every row of an import against the mapping: what is wrong with each field (as catalogue
 * keys), which existing person it duplicates (same e-mail; or same name and institution, ignoring
 * accents and case), and which institution it points to or will create.
 *
 * @example
 * const report = await reviewRows(db, peopleImport);
 * report.filter((r) => Object.keys(r.errors).length > 0); // rows to fix
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { searchKey } from '../../../lib/search-key';
import {
  affiliations,
  institutions,
  people,
  personEmails,
  type GenderChoice,
  type StakeholderGroup,
} from '../schema';
import { countryCode, genderOf, groupOf } from './interpret';
import type { ImportTarget, PeopleImport } from './schema';

export type ImportPerson = {
  name: string;
  email?: string;
  phone?: string;
  country?: string;
  languages: string[];
  genderChoice?: GenderChoice;
  genderSelfDescribed?: string;
  title?: string;
  notes?: string;
};

export type RowReport = {
  index: number;
  values: Partial<Record<ImportTarget, string>>;
  errors: Partial<Record<ImportTarget, string>>;
  person?: ImportPerson;
  duplicate?: { personId: string; name: string; reason: 'email' | 'nameInstitution' };
  institution?:
    { id: string; name: string } | { create: { name: string; group: StakeholderGroup } };
};

const emailSchema = z.email();

export function valuesOf(
  imp: Pick<PeopleImport, 'mapping'>,
  row: string[],
): Partial<Record<ImportTarget, string>> {
  const values: Partial<Record<ImportTarget, string>> = {};
  for (const [target, column] of Object.entries(imp.mapping) as [ImportTarget, number][]) {
    const v = row[column]?.trim();
    if (v) values[target] = v;
  }
  return values;
}

export async function reviewRows(
  db: Db,
  imp: Pick<PeopleImport, 'mapping' | 'rows'>,
): Promise<RowReport[]> {
  const allInstitutions = await db
    .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
    .from(institutions);
  const byKey = new Map<string, { id: string; name: string }>();
  for (const i of allInstitutions) {
    byKey.set(searchKey(i.name), i);
    if (i.acronym) byKey.set(searchKey(i.acronym), i);
  }

  const reports: RowReport[] = imp.rows.map((row, index) =>
    checkRow(index, valuesOf(imp, row), byKey),
  );

  const seenEmails = new Map<string, number>();
  for (const r of reports) {
    const email = r.person?.email;
    if (!email) continue;
    const first = seenEmails.get(email);
    if (first !== undefined) {
      r.errors.email = `import.repeatedInFile|row=${first + 2}`;
      delete r.person;
    } else seenEmails.set(email, r.index);
  }

  const emails = [...seenEmails.keys()];
  const emailOwners = new Map<string, { personId: string; name: string }>();
  for (let i = 0; i < emails.length; i += 1000) {
    const rows = await db
      .select({ email: personEmails.email, personId: people.id, name: people.name })
      .from(personEmails)
      .innerJoin(people, sql`${people.id} = ${personEmails.personId}`)
      .where(inArray(sql`lower(${personEmails.email})`, emails.slice(i, i + 1000)));
    for (const r of rows)
      emailOwners.set(r.email.toLowerCase(), { personId: r.personId, name: r.name });
  }

  const nameKeys = [
    ...new Set(
      reports
        .filter((r) => r.person && r.institution && 'id' in r.institution)
        .map((r) => searchKey(r.person!.name)),
    ),
  ];
  const sameName = new Map<string, { personId: string; name: string }>();
  for (let i = 0; i < nameKeys.length; i += 1000) {
    const rows = await db
      .select({
        personId: people.id,
        name: people.name,
        nameKey: people.nameKey,
        institutionId: affiliations.institutionId,
      })
      .from(people)
      .innerJoin(affiliations, sql`${affiliations.personId} = ${people.id}`)
      .where(and(inArray(people.nameKey, nameKeys.slice(i, i + 1000)), isNull(people.erasedAt)));
    for (const r of rows)
      sameName.set(`${r.nameKey}|${r.institutionId}`, { personId: r.personId, name: r.name });
  }

  for (const r of reports) {
    if (!r.person) continue;
    const owner = r.person.email ? emailOwners.get(r.person.email) : undefined;
    if (owner) {
      r.duplicate = { ...owner, reason: 'email' };
      continue;
    }
    if (r.institution && 'id' in r.institution) {
      const match = sameName.get(`${searchKey(r.person.name)}|${r.institution.id}`);
      if (match) r.duplicate = { ...match, reason: 'nameInstitution' };
    }
  }
  return reports;
}

function checkRow(
  index: number,
  values: Partial<Record<ImportTarget, string>>,
  institutionsByKey: Map<string, { id: string; name: string }>,
): RowReport {
  const errors: RowReport['errors'] = {};
  const name = values.name ?? '';
  if (!name) errors.name = 'form.required';
  else if (name.length > 200) errors.name = 'form.tooLong|max=200';

  const email = values.email?.toLowerCase();
  if (email && !emailSchema.safeParse(email).success) errors.email = 'form.invalidEmail';

  if (values.phone && values.phone.length > 40) errors.phone = 'form.tooLong|max=40';

  const country = values.country ? countryCode(values.country) : undefined;
  if (values.country && !country) errors.country = 'network.invalidCountry';

  const languages = (values.languages ?? '')
    .split(/[,;/]/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  if (languages.some((l) => l.length > 20)) errors.languages = 'form.tooLong|max=20';

  const gender = values.gender ? genderOf(values.gender) : {};

  const group = values.group ? groupOf(values.group) : undefined;
  if (values.group && !group) errors.group = 'import.invalidGroup';

  let institution: RowReport['institution'];
  if (values.institution) {
    const found = institutionsByKey.get(searchKey(values.institution));
    if (found) institution = found;
    else if (group) institution = { create: { name: values.institution.slice(0, 200), group } };
    else if (!errors.group) errors.institution = 'import.unknownInstitution';
  }
  if (values.title && values.title.length > 200) errors.title = 'form.tooLong|max=200';
  if (values.notes && values.notes.length > 2000) errors.notes = 'form.tooLong|max=2000';

  const report: RowReport = { index, values, errors, institution };
  if (Object.keys(errors).length === 0) {
    report.person = {
      name,
      email,
      phone: values.phone,
      country,
      languages,
      genderChoice: gender.choice,
      genderSelfDescribed: gender.self,
      title: values.title,
      notes: values.notes,
    };
  }
  return report;
}
