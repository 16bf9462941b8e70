/**
 * Creates a working group of the committee (e.g. the petite committee), or adds a person of the
 * initiative's network to one.
 *
 * @example
 * const group = await addWorkingGroup(db, { initiativeId, input: { name: 'Petite committee', purpose: null } });
 * await addWorkingGroupMember(db, { initiativeId, groupId: group.id, personId });
 */
import { InputError } from '../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isPersonOfInitiative } from './queries';
import { workingGroupMembers, workingGroups } from './schema';

export async function addWorkingGroup(
  db: Db,
  o: { initiativeId: string; input: { name: string; purpose: string | null }; source?: string },
) {
  const [row] = await db
    .insert(workingGroups)
    .values({ initiativeId: o.initiativeId, ...o.input, source: o.source ?? null })
    .returning();
  return row!;
}

export async function addWorkingGroupMember(
  db: Db,
  o: { initiativeId: string; groupId: string; personId: string },
): Promise<boolean> {
  const [group] = await db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.id, o.groupId), eq(workingGroups.initiativeId, o.initiativeId)));
  if (!group) return false;
  if (!(await isPersonOfInitiative(db, o.personId, o.initiativeId)))
    throw new InputError({ personId: { key: 'committee.person.notInNetwork' } });
  await db
    .insert(workingGroupMembers)
    .values({ groupId: group.id, personId: o.personId })
    .onConflictDoNothing();
  return true;
}
