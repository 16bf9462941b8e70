/**
 * The weekly digest: every person who owns (directly, or as a committee representative of the
 * owning institution) an open task that is overdue or due in the next 7 days gets one e-mail a
 * week listing them, in their language. A person is claimed for the week by inserting
 * (person, Monday) into `task_digests` under its primary key, so re-runs, timers in several app
 * processes and crashes after the claim never send a second digest that week (decision 0015).
 *
 * @example
 * const { sent } = await sendTaskDigests(deps); // run by the hourly timer in server.ts
 */
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { formatDate } from '../../../lib/format';
import { sendMail } from '../../../core/mail/send-mail';
import { people, personEmails } from '../../network/schema';
import { mailLang } from '../queries';
import { actionItems, committeeMembers, committeeRepresentatives, taskDigests } from '../schema';
import { initiatives } from '../../../core/initiatives/schema';

export const DIGEST_DAYS_AHEAD = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday (UTC) of the week `now` falls in. */
export function weekOf(now: Date): string {
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
  return day(monday);
}

export async function sendTaskDigests(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env'>,
  now = new Date(),
): Promise<{ sent: number }> {
  const { db } = deps;
  const today = day(now);
  const horizon = day(new Date(now.getTime() + DIGEST_DAYS_AHEAD * 86_400_000));
  const due = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueOn: actionItems.dueOn,
      initiativeId: actionItems.initiativeId,
      slug: initiatives.slug,
      ownerPersonId: actionItems.ownerPersonId,
      ownerInstitutionId: actionItems.ownerInstitutionId,
    })
    .from(actionItems)
    .innerJoin(initiatives, eq(initiatives.id, actionItems.initiativeId))
    .where(
      and(
        inArray(actionItems.status, ['open', 'doing']),
        eq(actionItems.sample, false),
        isNotNull(actionItems.dueOn),
        lte(actionItems.dueOn, horizon),
      ),
    )
    .orderBy(actionItems.dueOn);
  if (due.length === 0) return { sent: 0 };
  const owningInstitutions = [
    ...new Set(due.flatMap((d) => (d.ownerInstitutionId ? [d.ownerInstitutionId] : []))),
  ];
  const reps = owningInstitutions.length
    ? await db
        .select({
          initiativeId: committeeMembers.initiativeId,
          institutionId: committeeMembers.institutionId,
          personId: committeeRepresentatives.personId,
        })
        .from(committeeRepresentatives)
        .innerJoin(committeeMembers, eq(committeeMembers.id, committeeRepresentatives.memberId))
        .where(inArray(committeeMembers.institutionId, owningInstitutions))
    : [];
  const byPerson = new Map<string, typeof due>();
  for (const task of due) {
    const owners = task.ownerPersonId
      ? [task.ownerPersonId]
      : reps
          .filter(
            (r) =>
              r.institutionId === task.ownerInstitutionId && r.initiativeId === task.initiativeId,
          )
          .map((r) => r.personId);
    for (const p of owners) byPerson.set(p, [...(byPerson.get(p) ?? []), task]);
  }
  const recipients = await db
    .selectDistinctOn([people.id], {
      id: people.id,
      name: people.name,
      languages: people.languages,
      email: personEmails.email,
    })
    .from(people)
    .innerJoin(personEmails, eq(personEmails.personId, people.id))
    .where(and(inArray(people.id, [...byPerson.keys()]), isNull(people.erasedAt)))
    .orderBy(people.id);
  if (recipients.length === 0) return { sent: 0 };
  const week = weekOf(now);
  const claimed = await db
    .insert(taskDigests)
    .values(recipients.map((r) => ({ personId: r.id, weekOf: week, sentAt: now })))
    .onConflictDoNothing()
    .returning({ personId: taskDigests.personId });
  const mine = new Set(claimed.map((c) => c.personId));
  for (const r of recipients) {
    if (!mine.has(r.id)) continue;
    const lang = mailLang(r.languages);
    const t = translator(lang);
    const lines = byPerson.get(r.id)!.map((task) => {
      const when = formatDate(new Date(`${task.dueOn}T12:00:00Z`), lang);
      return t(task.dueOn! < today ? 'committee.digest.overdue' : 'committee.digest.due', {
        title: task.title,
        date: when,
      });
    });
    await sendMail(deps, {
      to: r.email,
      lang,
      template: {
        kind: 'committee',
        state: 'digest',
        name: r.name,
        event: String(lines.length),
        url: `${deps.env.publicUrl}/account/tasks`,
        lines,
      },
    });
  }
  return { sent: mine.size };
}
