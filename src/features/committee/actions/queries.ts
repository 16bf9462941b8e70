/**
 * Reading action items: an initiative's tasks (filtered by status), one task with its comments,
 * the owners one may choose, the activity plan, and a signed-in user's own tasks ("my tasks":
 * owned by a network person linked to their account or verified e-mail, or by an institution
 * such a person is currently affiliated with).
 *
 * @example
 * const tasks = await listMyTasks(db, user);
 */
import { isUuid } from '../../../lib/uuid';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { User } from '../../../core/accounts/schema';
import { initiatives } from '../../../core/initiatives/schema';
import { peopleOfUser } from '../../network/index';
import { affiliations, institutions, people } from '../../network/schema';
import { users } from '../../../core/accounts/schema';
import { committeeMembers } from '../schema';
import { actionComments, actionItems, activities, meetings, type ActionStatus } from '../schema';
import { listPeopleChoices } from '../queries';
import { editions } from '../../programme/schema';

const ownerName = sql<string | null>`coalesce(${people.name}, ${institutions.name})`;

function selectItems(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: actionItems.id,
      initiativeId: actionItems.initiativeId,
      initiativeSlug: initiatives.slug,
      initiativeName: initiatives.name,
      title: actionItems.title,
      status: actionItems.status,
      dueOn: actionItems.dueOn,
      ownerPersonId: actionItems.ownerPersonId,
      ownerInstitutionId: actionItems.ownerInstitutionId,
      owner: ownerName,
      meetingId: actionItems.meetingId,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      activityId: actionItems.activityId,
      activityTitle: activities.title,
      sample: actionItems.sample,
      updatedAt: actionItems.updatedAt,
    })
    .from(actionItems)
    .innerJoin(initiatives, eq(initiatives.id, actionItems.initiativeId))
    .leftJoin(people, eq(people.id, actionItems.ownerPersonId))
    .leftJoin(institutions, eq(institutions.id, actionItems.ownerInstitutionId))
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .leftJoin(activities, eq(activities.id, actionItems.activityId))
    .where(where)
    .orderBy(sql`${actionItems.dueOn} asc nulls last`, asc(actionItems.createdAt));
}
export type ActionRow = Awaited<ReturnType<typeof selectItems>>[number];

export function listActionItems(
  db: Db,
  o: { initiativeId: string; status?: ActionStatus[]; meetingId?: string; activityId?: string },
) {
  return selectItems(
    db,
    and(
      eq(actionItems.initiativeId, o.initiativeId),
      o.status?.length ? inArray(actionItems.status, o.status) : undefined,
      o.meetingId ? eq(actionItems.meetingId, o.meetingId) : undefined,
      o.activityId ? eq(actionItems.activityId, o.activityId) : undefined,
    ),
  );
}

export async function loadActionItem(db: Db, o: { initiativeId?: string; id: string }) {
  if (!isUuid(o.id)) return undefined;
  const [item] = await selectItems(
    db,
    and(
      eq(actionItems.id, o.id),
      o.initiativeId ? eq(actionItems.initiativeId, o.initiativeId) : undefined,
    ),
  );
  if (!item) return undefined;
  const comments = await db
    .select({
      id: actionComments.id,
      body: actionComments.body,
      createdAt: actionComments.createdAt,
      author: users.name,
    })
    .from(actionComments)
    .leftJoin(users, eq(users.id, actionComments.authorUserId))
    .where(eq(actionComments.actionItemId, item.id))
    .orderBy(asc(actionComments.createdAt), asc(actionComments.id));
  return { ...item, comments };
}
export type ActionView = NonNullable<Awaited<ReturnType<typeof loadActionItem>>>;

/** Who may own a task: people of the initiative's network, then every institution of it. */
export async function ownerChoices(db: Db, initiativeId: string) {
  const [persons, members, all] = await Promise.all([
    listPeopleChoices(db, initiativeId),
    db
      .select({ id: committeeMembers.institutionId })
      .from(committeeMembers)
      .where(eq(committeeMembers.initiativeId, initiativeId)),
    db
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .orderBy(asc(institutions.searchText)),
  ]);
  const onCommittee = new Set(members.map((m) => m.id));
  return {
    people: persons.map((p) => ({ value: `person:${p.id}`, label: p.name })),
    institutions: [
      ...all.filter((i) => onCommittee.has(i.id)),
      ...all.filter((i) => !onCommittee.has(i.id)),
    ].map((i) => ({ value: `institution:${i.id}`, label: i.name })),
  };
}

export function listActivities(db: Db, initiativeId: string) {
  return db
    .select()
    .from(activities)
    .where(eq(activities.initiativeId, initiativeId))
    .orderBy(sql`${activities.startsOn} asc nulls last`, asc(activities.createdAt));
}

/** The network people and institutions whose tasks are the user's. */
export async function ownersOfUser(db: Db, user: User) {
  const personIds = await peopleOfUser(db, user);
  const institutionIds = personIds.length
    ? (
        await db
          .selectDistinct({ id: affiliations.institutionId })
          .from(affiliations)
          .where(
            and(
              inArray(affiliations.personId, personIds),
              or(isNull(affiliations.endedOn), sql`${affiliations.endedOn} >= current_date`),
            ),
          )
      ).map((r) => r.id)
    : [];
  return { personIds, institutionIds };
}

/** The user's open and in-progress tasks in every initiative, soonest due first. */
export async function listMyTasks(db: Db, user: User, o: { includeClosed?: boolean } = {}) {
  const { personIds, institutionIds } = await ownersOfUser(db, user);
  if (!personIds.length && !institutionIds.length) return [];
  return selectItems(
    db,
    and(
      or(
        personIds.length ? inArray(actionItems.ownerPersonId, personIds) : undefined,
        institutionIds.length ? inArray(actionItems.ownerInstitutionId, institutionIds) : undefined,
      ),
      o.includeClosed ? undefined : inArray(actionItems.status, ['open', 'doing']),
    ),
  );
}

/** The initiative's editions, for tying an activity to one. */
export function listInitiativeEditions(db: Db, initiativeId: string) {
  return db
    .select({ id: editions.id, name: editions.name })
    .from(editions)
    .where(eq(editions.initiativeId, initiativeId))
    .orderBy(desc(editions.year));
}
