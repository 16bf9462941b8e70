/**
 * Puts an institution of the network on the committee (or updates its city when it already sits
 * there) and adds a representative: a person already in the initiative's network, or a new one
 * created in it with the given name, e-mail and gender. Records the committee participation.
 *
 * @example
 * const { memberId, personId } = await addCommitteeMember(db, { initiative, input: { institutionId, city: 'Guatemala', newName: 'Ana', newEmail: 'ana@example.org', newGender: 'woman' } });
 */
import { InputError } from '../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Initiative } from '../../core/initiatives/schema';
import { emailInUse, createPerson } from '../network/index';
import { recordParticipation } from '../network/index';
import { institutions } from '../network/schema';
import type { MemberInput } from './committee-input';
import { isPersonOfInitiative } from './queries';
import { committeeMembers, committeeRepresentatives } from './schema';

export async function addCommitteeMember(
  db: Db,
  o: { initiative: Initiative; input: MemberInput; year?: number },
): Promise<{ memberId: string; personId: string | null }> {
  const { input, initiative } = o;
  const year = o.year ?? new Date().getUTCFullYear();
  return db.transaction(async (tx) => {
    const [institution] = await tx
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(eq(institutions.id, input.institutionId));
    if (!institution)
      throw new InputError({
        institutionId: { key: 'committee.member.unknownInstitution' },
      });
    if (input.personId && !(await isPersonOfInitiative(tx, input.personId, initiative.id)))
      throw new InputError({ personId: { key: 'committee.person.notInNetwork' } });
    if (input.newEmail && (await emailInUse(tx, input.newEmail)))
      throw new InputError({ newEmail: { key: 'committee.member.emailInUse' } });
    const [existing] = await tx
      .select({ id: committeeMembers.id })
      .from(committeeMembers)
      .where(
        and(
          eq(committeeMembers.initiativeId, initiative.id),
          eq(committeeMembers.institutionId, institution.id),
        ),
      );
    const [member] = await tx
      .insert(committeeMembers)
      .values({ initiativeId: initiative.id, institutionId: institution.id, city: input.city })
      .onConflictDoUpdate({
        target: [committeeMembers.initiativeId, committeeMembers.institutionId],
        set: input.city ? { city: input.city } : { institutionId: institution.id },
      })
      .returning({ id: committeeMembers.id });
    let personId = input.personId ?? null;
    if (!personId && input.newName) {
      const person = await createPerson(tx, {
        initiativeId: initiative.id,
        year,
        label: initiative.name,
        input: {
          name: input.newName,
          email: input.newEmail,
          languages: [],
          genderChoice: input.newGender,
          genderSelfDescribed: undefined,
          institutionId: institution.id,
        },
      });
      personId = person.id;
    }
    const added = personId
      ? await tx
          .insert(committeeRepresentatives)
          .values({ memberId: member!.id, personId })
          .onConflictDoNothing()
          .returning()
      : [];
    if (!existing || added.length)
      await recordParticipation(tx, {
        personId,
        institutionId: institution.id,
        initiativeId: initiative.id,
        kind: 'committee_member',
        year,
        label: initiative.name,
        sourceType: 'committee_member',
        sourceId: member!.id,
      });
    return { memberId: member!.id, personId };
  });
}
