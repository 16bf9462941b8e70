/**
 * Writes a confirmed import into the network in chunks, one transaction each, saving progress
 * after every chunk so the progress page can show it and a restart can resume.
 *
 * @example
 * await startImport(db, { importId }); // marks it importing
 * await runImport(db, { importId });   // writes it (the app runs this in the background)
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { searchKey } from '../../../lib/search-key';
import { initiatives } from '../../../core/initiatives/schema';
import { createInstitution } from '../institutions';
import { createPeople, type NewPerson } from '../people';
import { affiliations, participations, personEmails, personPhones } from '../schema';
import { reviewRows, type RowReport } from './review-rows';
import { peopleImports, type RowDecision } from './schema';

const CHUNK = 200;

/** The decision a row gets unless the organiser chose another. */
export function defaultDecision(r: RowReport): RowDecision {
  if (!r.person) return 'skip';
  return r.duplicate ? `link:${r.duplicate.personId}` : 'create';
}

export async function runImport(db: Db, o: { importId: string }): Promise<void> {
  const [imp] = await db.select().from(peopleImports).where(eq(peopleImports.id, o.importId));
  if (!imp || imp.status !== 'importing') return;
  const [initiative] = await db
    .select()
    .from(initiatives)
    .where(eq(initiatives.id, imp.initiativeId));
  const year = new Date().getUTCFullYear();
  try {
    const report = await reviewRows(db, imp);
    const createdInstitutions = new Map<string, string>();
    let { done, created, linked, skipped } = imp;
    for (let start = done; start < report.length; start += CHUNK) {
      const chunk = report.slice(start, start + CHUNK);
      const counts = await db.transaction(async (tx) => {
        const c = { created: 0, linked: 0, skipped: 0 };
        const toCreate: NewPerson[] = [];
        for (const r of chunk) {
          const decision = imp.decisions[String(r.index)] ?? defaultDecision(r);
          if (!r.person || decision === 'skip') {
            c.skipped++;
            continue;
          }
          let institutionId: string | undefined;
          if (r.institution && 'id' in r.institution) institutionId = r.institution.id;
          else if (r.institution) {
            const key = searchKey(r.institution.create.name);
            institutionId = createdInstitutions.get(key);
            if (!institutionId) {
              const made = await createInstitution(tx, {
                name: r.institution.create.name,
                stakeholderGroup: r.institution.create.group,
                publicListing: false,
                source: `import:${imp.filename}`,
              });
              institutionId = made.id;
              createdInstitutions.set(key, institutionId);
            }
          }
          if (decision === 'create') {
            toCreate.push({
              input: {
                ...r.person,
                genderSelfDescribed: r.person.genderSelfDescribed,
                institutionId,
              },
              initiativeId: imp.initiativeId,
              year,
              label: initiative?.name ?? '',
              source: `import:${imp.filename}`,
            });
          } else {
            await linkPerson(tx, {
              personId: decision.slice('link:'.length),
              row: r,
              institutionId,
              initiativeId: imp.initiativeId,
              year,
              label: initiative?.name ?? '',
            });
            c.linked++;
          }
        }
        c.created = (await createPeople(tx, toCreate)).length;
        return c;
      });
      done = Math.min(report.length, start + CHUNK);
      created += counts.created;
      linked += counts.linked;
      skipped += counts.skipped;
      await db
        .update(peopleImports)
        .set({ done, created, linked, skipped, updatedAt: new Date() })
        .where(eq(peopleImports.id, imp.id));
    }
    await db
      .update(peopleImports)
      .set({ status: 'done', updatedAt: new Date() })
      .where(eq(peopleImports.id, imp.id));
  } catch (error) {
    await db
      .update(peopleImports)
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
        updatedAt: new Date(),
      })
      .where(eq(peopleImports.id, imp.id));
  }
}

/** Adds what the row brings to an existing person, keeping everything they already have. */
async function linkPerson(
  db: Db,
  o: {
    personId: string;
    row: RowReport;
    institutionId?: string;
    initiativeId: string;
    year: number;
    label: string;
  },
) {
  const p = o.row.person!;
  const [already] = await db
    .select({ id: participations.id })
    .from(participations)
    .where(
      and(eq(participations.personId, o.personId), eq(participations.initiativeId, o.initiativeId)),
    )
    .limit(1);
  if (!already)
    await db.insert(participations).values({
      personId: o.personId,
      initiativeId: o.initiativeId,
      kind: 'contact',
      year: o.year,
      label: o.label,
    });
  if (p.email) {
    const [taken] = await db
      .select({ id: personEmails.id })
      .from(personEmails)
      .where(eq(sql`lower(${personEmails.email})`, p.email))
      .limit(1);
    if (!taken)
      await db
        .insert(personEmails)
        .values({ personId: o.personId, email: p.email, isPrimary: false });
  }
  if (p.phone) {
    const phones = await db
      .select({ phone: personPhones.phone })
      .from(personPhones)
      .where(eq(personPhones.personId, o.personId));
    if (!phones.some((x) => x.phone === p.phone))
      await db
        .insert(personPhones)
        .values({ personId: o.personId, phone: p.phone, isPrimary: phones.length === 0 });
  }
  if (o.institutionId) {
    const existing = await db
      .select({ id: affiliations.id })
      .from(affiliations)
      .where(
        and(
          eq(affiliations.personId, o.personId),
          inArray(affiliations.institutionId, [o.institutionId]),
        ),
      );
    if (existing.length === 0)
      await db
        .insert(affiliations)
        .values({ personId: o.personId, institutionId: o.institutionId, title: p.title ?? null });
  }
}

/** Imports that were running when the app stopped; the app resumes them at start. */
export async function unfinishedImports(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: peopleImports.id })
    .from(peopleImports)
    .where(eq(peopleImports.status, 'importing'));
  return rows.map((r) => r.id);
}
