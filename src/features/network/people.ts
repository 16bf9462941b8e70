/**
 * People in the network: listing those who take part in an initiative, reading one, creating one.
 * A person's stakeholder group is their own if set, otherwise their current affiliation's.
 *
 * @example
 * const { rows } = await listPeople(db, { initiativeId, q: 'benitez', sort: 'name', page: 1, perPage: 25 });
 */
import { isUuid } from '../../lib/uuid';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchKey, searchTerms } from '../../lib/search-key';
import {
  affiliations,
  consents,
  institutions,
  participations,
  people,
  personEmails,
  personPhones,
  type GenderChoice,
  type ParticipationKind,
  type Person,
  type StakeholderGroup,
} from './schema';
import type { PersonInput } from './validation';

/** SQL for a person's stakeholder group (own, else current affiliation's). */
export const personGroup = sql<StakeholderGroup | null>`coalesce("people"."stakeholder_group", (
  select i.stakeholder_group from ${affiliations} a join ${institutions} i on i.id = a.institution_id
  where a.person_id = "people"."id" and (a.ended_on is null or a.ended_on >= current_date)
  order by a.started_on desc nulls last limit 1))`;

export type PeopleFilters = {
  initiativeId: string;
  q?: string;
  group?: StakeholderGroup;
  country?: string;
  gender?: GenderChoice;
  participation?: ParticipationKind;
  sort: 'name' | 'country' | 'recent';
  page: number;
  perPage: number;
};

export async function listPeople(db: Db, f: PeopleFilters) {
  const where: SQL[] = [
    isNull(people.erasedAt),
    sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${f.initiativeId})`,
    ...searchTerms(f.q ?? '').map((term) => ilike(people.searchText, term)),
  ];
  if (f.group) where.push(sql`${personGroup} = ${f.group}`);
  if (f.country) where.push(eq(people.country, f.country));
  if (f.gender) where.push(eq(people.genderChoice, f.gender));
  if (f.participation) {
    where.push(
      sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${f.initiativeId} and p.kind = ${f.participation})`,
    );
  }
  const condition = and(...where);
  const order =
    f.sort === 'recent'
      ? [desc(people.createdAt)]
      : f.sort === 'country'
        ? [asc(people.country), asc(people.searchText)]
        : [asc(people.searchText)];
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: people.id, name: people.name, country: people.country, group: personGroup })
      .from(people)
      .where(condition)
      .orderBy(...order)
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(condition),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Whether the person takes part in the initiative (what lets its organisers see them). */
export async function personInInitiative(
  db: Db,
  personId: string,
  initiativeId: string,
): Promise<boolean> {
  if (!isUuid(personId)) return false;
  const [row] = await db
    .select({ id: participations.id })
    .from(participations)
    .where(
      and(eq(participations.personId, personId), eq(participations.initiativeId, initiativeId)),
    )
    .limit(1);
  return Boolean(row);
}

/** Everything held about one person. */
export async function getPersonRecord(db: Db, personId: string) {
  const [person] = await db
    .select({ person: people, group: personGroup })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) return undefined;
  const [emails, phones, affs, consentRows, history] = await Promise.all([
    db
      .select()
      .from(personEmails)
      .where(eq(personEmails.personId, personId))
      .orderBy(desc(personEmails.isPrimary)),
    db
      .select()
      .from(personPhones)
      .where(eq(personPhones.personId, personId))
      .orderBy(desc(personPhones.isPrimary)),
    db
      .select({
        id: affiliations.id,
        institutionId: institutions.id,
        institution: institutions.name,
        title: affiliations.title,
        startedOn: affiliations.startedOn,
        endedOn: affiliations.endedOn,
      })
      .from(affiliations)
      .innerJoin(institutions, eq(institutions.id, affiliations.institutionId))
      .where(eq(affiliations.personId, personId)),
    db.select().from(consents).where(eq(consents.personId, personId)).orderBy(desc(consents.at)),
    db
      .select()
      .from(participations)
      .where(eq(participations.personId, personId))
      .orderBy(desc(participations.year), asc(participations.label)),
  ]);
  return {
    ...person.person,
    group: person.group,
    emails,
    phones,
    affiliations: affs,
    consents: consentRows,
    history,
  };
}
export type PersonRecord = NonNullable<Awaited<ReturnType<typeof getPersonRecord>>>;

export type NewPerson = {
  input: PersonInput;
  initiativeId: string;
  year: number;
  label: string;
  source?: string;
};

/**
 * Adds people to an initiative's network (as contacts) with one insert per table, so one person
 * and five thousand cost about the same number of statements.
 */
export async function createPeople(db: Db, list: NewPerson[]): Promise<Person[]> {
  if (list.length === 0) return [];
  const rows = list.map((o) => ({ ...o, id: randomUUID() }));
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(people)
      .values(
        rows.map(({ id, input, source }) => ({
          id,
          name: input.name,
          country: input.country ?? null,
          languages: input.languages,
          genderChoice: input.genderChoice ?? null,
          genderSelfDescribed: input.genderSelfDescribed ?? null,
          notes: input.notes ?? null,
          searchText: searchKey(input.name, input.email),
          nameKey: searchKey(input.name),
          source: source ?? null,
        })),
      )
      .returning();
    const emails = rows
      .filter((r) => r.input.email)
      .map((r) => ({ personId: r.id, email: r.input.email!, isPrimary: true }));
    const phones = rows
      .filter((r) => r.input.phone)
      .map((r) => ({ personId: r.id, phone: r.input.phone!, isPrimary: true }));
    const affs = rows
      .filter((r) => r.input.institutionId)
      .map((r) => ({
        personId: r.id,
        institutionId: r.input.institutionId!,
        title: r.input.title ?? null,
      }));
    if (emails.length) await tx.insert(personEmails).values(emails);
    if (phones.length) await tx.insert(personPhones).values(phones);
    if (affs.length) await tx.insert(affiliations).values(affs);
    await tx.insert(participations).values(
      rows.map((r) => ({
        personId: r.id,
        initiativeId: r.initiativeId,
        kind: 'contact' as const,
        year: r.year,
        label: r.label,
      })),
    );
    const byId = new Map(created.map((p) => [p.id, p]));
    return rows.map((r) => byId.get(r.id)!);
  });
}

/** Adds one person to an initiative's network (as a contact). */
export async function createPerson(db: Db, o: NewPerson): Promise<Person> {
  const [person] = await createPeople(db, [o]);
  return person!;
}

/** Whether an e-mail already belongs to someone in the network. */
export async function emailInUse(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: personEmails.id })
    .from(personEmails)
    .where(eq(sql`lower(${personEmails.email})`, email.toLowerCase()))
    .limit(1);
  return Boolean(row);
}

/** People affiliated with an institution, limited to what the viewer may see. */
export function listAffiliatedPeople(
  db: Db,
  o: { institutionId: string; initiativeIds: string[] | 'all' },
) {
  const visible =
    o.initiativeIds === 'all'
      ? undefined
      : o.initiativeIds.length === 0
        ? sql`false`
        : or(
            ...o.initiativeIds.map(
              (i) =>
                sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${i})`,
            ),
          );
  return db
    .select({ id: people.id, name: people.name, title: affiliations.title })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .where(and(eq(affiliations.institutionId, o.institutionId), isNull(people.erasedAt), visible))
    .orderBy(asc(people.searchText));
}

/** Counts of the initiative's people by stakeholder group and gender category (for display with suppression). */
export async function peopleStats(db: Db, initiativeId: string) {
  const rows = await db
    .select({ group: personGroup, gender: people.genderChoice, n: sql<number>`count(*)::int` })
    .from(people)
    .where(
      and(
        isNull(people.erasedAt),
        sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${initiativeId})`,
      ),
    )
    .groupBy(sql`1`, sql`2`);
  return rows.map((r) => ({ group: r.group, gender: r.gender, n: Number(r.n) }));
}
