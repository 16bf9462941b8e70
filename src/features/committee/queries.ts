/**
 * Reading an initiative's committee: settings and focal point, member institutions with their
 * representatives, working groups with their members, the people who may be chosen, and the
 * composition handed to `checkIgfRules`.
 *
 * @example
 * const committee = await loadCommittee(db, initiative.id);
 * checkIgfRules({ members: committee.members }).allMet;
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions, participations, people, personEmails } from '../network/schema';
import type { RuleMember } from './check-igf-rules';
import {
  committeeMembers,
  committeeRepresentatives,
  committees,
  workingGroupMembers,
  workingGroups,
} from './schema';

export const DEFAULT_TIME_ZONE = 'America/Guatemala';

export async function loadCommittee(db: Db, initiativeId: string) {
  const [settings] = await db
    .select()
    .from(committees)
    .where(eq(committees.initiativeId, initiativeId));
  const focal = settings?.focalPersonId
    ? (
        await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(eq(people.id, settings.focalPersonId))
      )[0]
    : undefined;
  const memberRows = await db
    .select({
      id: committeeMembers.id,
      city: committeeMembers.city,
      source: committeeMembers.source,
      institutionId: institutions.id,
      name: institutions.name,
      acronym: institutions.acronym,
      stakeholderGroup: institutions.stakeholderGroup,
      country: institutions.country,
    })
    .from(committeeMembers)
    .innerJoin(institutions, eq(institutions.id, committeeMembers.institutionId))
    .where(eq(committeeMembers.initiativeId, initiativeId))
    .orderBy(asc(institutions.searchText));
  const reps = memberRows.length
    ? await db
        .select({
          memberId: committeeRepresentatives.memberId,
          personId: people.id,
          name: people.name,
          gender: people.genderChoice,
        })
        .from(committeeRepresentatives)
        .innerJoin(people, eq(people.id, committeeRepresentatives.personId))
        .where(
          and(
            inArray(
              committeeRepresentatives.memberId,
              memberRows.map((m) => m.id),
            ),
            isNull(people.erasedAt),
          ),
        )
        .orderBy(asc(people.nameKey))
    : [];
  const groups = await db
    .select()
    .from(workingGroups)
    .where(eq(workingGroups.initiativeId, initiativeId))
    .orderBy(asc(workingGroups.createdAt));
  const groupPeople = groups.length
    ? await db
        .select({ groupId: workingGroupMembers.groupId, personId: people.id, name: people.name })
        .from(workingGroupMembers)
        .innerJoin(people, eq(people.id, workingGroupMembers.personId))
        .where(
          inArray(
            workingGroupMembers.groupId,
            groups.map((g) => g.id),
          ),
        )
        .orderBy(asc(people.nameKey))
    : [];
  const members = memberRows.map(
    (m) =>
      ({
        ...m,
        representatives: reps.filter((r) => r.memberId === m.id),
      }) satisfies RuleMember & Record<string, unknown>,
  );
  return {
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
    source: settings?.source ?? null,
    focal: focal ?? null,
    members,
    groups: groups.map((g) => ({ ...g, members: groupPeople.filter((p) => p.groupId === g.id) })),
  };
}
export type CommitteeView = Awaited<ReturnType<typeof loadCommittee>>;

/** The initiative's meeting time zone (the committee's, or America/Guatemala). */
export async function committeeTimeZone(db: Db, initiativeId: string): Promise<string> {
  const [row] = await db
    .select({ zone: committees.timeZone })
    .from(committees)
    .where(eq(committees.initiativeId, initiativeId));
  return row?.zone ?? DEFAULT_TIME_ZONE;
}

/** People of the initiative's network, for choosing a focal point, representative or owner. */
export function listPeopleChoices(db: Db, initiativeId: string) {
  return db
    .selectDistinct({ id: people.id, name: people.name, nameKey: people.nameKey })
    .from(people)
    .innerJoin(participations, eq(participations.personId, people.id))
    .where(and(eq(participations.initiativeId, initiativeId), isNull(people.erasedAt)))
    .orderBy(asc(people.nameKey), asc(people.id));
}

/** Whether a person takes part in the initiative (may be named in its committee). */
export async function isPersonOfInitiative(db: Db, personId: string, initiativeId: string) {
  const [row] = await db
    .select({ id: participations.id })
    .from(participations)
    .where(
      and(eq(participations.personId, personId), eq(participations.initiativeId, initiativeId)),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Everyone who hears from the committee: representatives of member institutions and members of
 * working groups, with their primary e-mail and preferred language.
 */
export async function committeeRecipients(db: Db, initiativeId: string) {
  const ids = sql`(
    select r.person_id from ${committeeRepresentatives} r
    join ${committeeMembers} m on m.id = r.member_id where m.initiative_id = ${initiativeId}
    union
    select wm.person_id from ${workingGroupMembers} wm
    join ${workingGroups} g on g.id = wm.group_id where g.initiative_id = ${initiativeId})`;
  return db
    .selectDistinctOn([people.id], {
      id: people.id,
      name: people.name,
      languages: people.languages,
      email: personEmails.email,
    })
    .from(people)
    .innerJoin(personEmails, eq(personEmails.personId, people.id))
    .where(and(sql`${people.id} in ${ids}`, isNull(people.erasedAt)))
    .orderBy(people.id, sql`${personEmails.isPrimary} desc`);
}

/** The language to write to a person in: their first known language among es/en, else Spanish. */
export function mailLang(languages: string[]): 'es' | 'en' {
  const first = languages.find((l) => l === 'es' || l === 'en');
  return first === 'en' ? 'en' : 'es';
}
