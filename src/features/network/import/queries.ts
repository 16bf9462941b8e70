import { isUuid } from '../../../lib/uuid';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { peopleImports, type PeopleImport } from './schema';

export async function findImport(
  db: Db,
  o: { id: string; initiativeId: string },
): Promise<PeopleImport | undefined> {
  if (!isUuid(o.id)) return undefined;
  const [row] = await db
    .select()
    .from(peopleImports)
    .where(and(eq(peopleImports.id, o.id), eq(peopleImports.initiativeId, o.initiativeId)));
  return row;
}

export function listImports(db: Db, initiativeId: string) {
  return db
    .select({
      id: peopleImports.id,
      filename: peopleImports.filename,
      status: peopleImports.status,
      createdAt: peopleImports.createdAt,
    })
    .from(peopleImports)
    .where(eq(peopleImports.initiativeId, initiativeId))
    .orderBy(desc(peopleImports.createdAt))
    .limit(10);
}

export async function updateImport(
  db: Db,
  id: string,
  set: Partial<typeof peopleImports.$inferInsert>,
) {
  await db
    .update(peopleImports)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(peopleImports.id, id));
}

export async function deleteImport(db: Db, id: string) {
  await db.delete(peopleImports).where(eq(peopleImports.id, id));
}
