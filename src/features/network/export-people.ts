/**
 * The people of an initiative as a CSV or XLSX file with the same columns the import reads, so an
 * export can be edited and imported back.
 *
 * @example
 * const { body, count } = await exportPeople(db, { initiativeId, format: 'csv', lang: 'es' });
 */
import { and, asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { translator, type Lang } from '../../i18n/index';
import { tableFile } from '../../lib/table-file';
import {
  affiliations,
  institutions,
  participations,
  people,
  personEmails,
  personPhones,
} from './schema';
import { personGroup } from './people';
import { importTargets } from './import/schema';

export async function exportPeople(
  db: Db,
  o: { initiativeId: string; format: 'csv' | 'xlsx'; lang: Lang },
) {
  const t = translator(o.lang);
  const rows = await db
    .select({
      name: people.name,
      email: sql<
        string | null
      >`(select e.email from ${personEmails} e where e.person_id = "people"."id" order by e.is_primary desc limit 1)`,
      phone: sql<
        string | null
      >`(select p.phone from ${personPhones} p where p.person_id = "people"."id" order by p.is_primary desc limit 1)`,
      country: people.country,
      languages: people.languages,
      gender: people.genderChoice,
      genderSelf: people.genderSelfDescribed,
      institution: sql<
        string | null
      >`(select i.name from ${affiliations} a join ${institutions} i on i.id = a.institution_id where a.person_id = "people"."id" and a.ended_on is null limit 1)`,
      title: sql<
        string | null
      >`(select a.title from ${affiliations} a where a.person_id = "people"."id" and a.ended_on is null limit 1)`,
      group: personGroup,
      notes: people.notes,
    })
    .from(people)
    .where(
      and(
        isNull(people.erasedAt),
        sql`exists (select 1 from ${participations} x where x.person_id = "people"."id" and x.initiative_id = ${o.initiativeId})`,
      ),
    )
    .orderBy(asc(people.searchText));
  const header = importTargets.map((target) => t(`import.target.${target}`));
  const table = rows.map((r) => [
    r.name,
    r.email ?? '',
    r.phone ?? '',
    r.country ?? '',
    r.languages.join(', '),
    r.gender === 'self_described'
      ? (r.genderSelf ?? '')
      : r.gender
        ? t(`network.gender.${r.gender}`)
        : '',
    r.institution ?? '',
    r.group ? t(`network.group.${r.group}`) : '',
    r.title ?? '',
    r.notes ?? '',
  ]);
  const body = await tableFile({ format: o.format, sheet: t('network.nav'), header, rows: table });
  return { body, count: rows.length };
}
