/**
 * Keeps an uploaded people file (its headers, rows and a first guess at the column matching) as
 * a new import of the initiative, waiting for the organiser to match columns; answers its id.
 *
 * @example
 * const id = await createPeopleImport(db, { initiativeId, userId, filename: 'people.csv', headers, rows });
 */
import type { Db } from '../../../db/client';
import { guessMapping } from './interpret';
import { peopleImports } from './schema';

export async function createPeopleImport(
  db: Db,
  o: {
    initiativeId: string;
    userId: string;
    filename: string;
    headers: string[];
    rows: string[][];
  },
): Promise<string> {
  const [created] = await db
    .insert(peopleImports)
    .values({
      initiativeId: o.initiativeId,
      createdBy: o.userId,
      filename: o.filename.slice(0, 200),
      status: 'mapping',
      headers: o.headers,
      rows: o.rows,
      mapping: guessMapping(o.headers),
    })
    .returning({ id: peopleImports.id });
  return created!.id;
}
