/**
 * Institutions: search, read, create and update.
 *
 * @example
 * const { rows, total } = await searchInstitutions(db, { q: 'telefonica', sort: 'name', page: 1, perPage: 25 });
 */
import { isUuid } from '../../lib/uuid';
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchKey, searchTerms } from '../../lib/search-key';
import { institutions, type Institution, type StakeholderGroup } from './schema';
import type { InstitutionInput } from './validation';

export const institutionSorts = ['name', 'country', 'recent'] as const;
export type InstitutionSort = (typeof institutionSorts)[number];

export type InstitutionFilters = {
  q?: string;
  group?: StakeholderGroup;
  country?: string;
  publicOnly?: boolean;
  sort: InstitutionSort;
  page: number;
  perPage: number;
};

export async function searchInstitutions(
  db: Db,
  f: InstitutionFilters,
): Promise<{ rows: Institution[]; total: number }> {
  const where: SQL[] = searchTerms(f.q ?? '').map((term) => ilike(institutions.searchText, term));
  if (f.group) where.push(eq(institutions.stakeholderGroup, f.group));
  if (f.country) where.push(eq(institutions.country, f.country));
  if (f.publicOnly) where.push(eq(institutions.publicListing, true));
  const condition = where.length ? and(...where) : undefined;
  const order =
    f.sort === 'recent'
      ? [desc(institutions.createdAt)]
      : f.sort === 'country'
        ? [asc(institutions.country), asc(institutions.searchText)]
        : [asc(institutions.searchText)];
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(institutions)
      .where(condition)
      .orderBy(...order)
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(institutions)
      .where(condition),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findInstitution(db: Db, id: string): Promise<Institution | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  return row;
}

export function listInstitutionChoices(db: Db) {
  return db
    .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
    .from(institutions)
    .orderBy(asc(institutions.searchText));
}

function values(input: InstitutionInput) {
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    stakeholderGroup: input.stakeholderGroup,
    kind: input.kind ?? null,
    country: input.country ?? null,
    website: input.website ?? null,
    parentId: input.parentId ?? null,
    notes: input.notes ?? null,
    publicListing: input.publicListing,
    searchText: searchKey(input.name, input.acronym),
  };
}

export async function createInstitution(
  db: Db,
  input: InstitutionInput & { source?: string },
): Promise<Institution> {
  const [row] = await db
    .insert(institutions)
    .values({ ...values(input), source: input.source ?? null })
    .returning();
  return row!;
}

export async function updateInstitution(
  db: Db,
  id: string,
  input: InstitutionInput,
): Promise<Institution | undefined> {
  const [row] = await db
    .update(institutions)
    .set({
      ...values(input),
      parentId: input.parentId === id ? null : (input.parentId ?? null),
      updatedAt: new Date(),
    })
    .where(eq(institutions.id, id))
    .returning();
  return row;
}
