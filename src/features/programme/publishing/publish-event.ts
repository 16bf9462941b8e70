/**
 * Publishes the draft programme of an event as a new numbered version: takes a snapshot, works
 * out what changed since the version before (the public changelog), and afterwards e-mails every
 * person on an added, removed or changed session, in their language.
 *
 * @example
 * const { number, changes } = await publishEvent({ db, eventId, userId: user.id, notify: deps });
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { AppDeps } from '../../../http/types';
import { formatTime, formatDay } from '../../../lib/format';
import { sendMail } from '../../../core/mail/send-mail';
import { people, personEmails } from '../../network/schema';
import { editions, events, programmeVersions } from '../schema';
import { diffSnapshots, type ProgrammeChange } from './diff-snapshots';
import { readSnapshot, takeSnapshot } from './snapshot';
import { translator, type Lang } from '../../../i18n/index';

export type PublishResult = { number: number; changes: ProgrammeChange[]; notified: number };

type MailDeps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env'>;

export async function publishEvent(o: {
  db: Db;
  eventId: string;
  userId: string | null;
  /** How to e-mail the affected people; left out for the demo, which writes to nobody. */
  notify?: MailDeps;
}): Promise<PublishResult> {
  const { db } = o;
  const result = await db.transaction(async (tx) => {
    // One publisher at a time per event: the row lock orders version numbers.
    const [event] = await tx.select().from(events).where(eq(events.id, o.eventId)).for('update');
    if (!event) throw new Error(`publishEvent: no event ${o.eventId}`);
    const [last] = await tx
      .select()
      .from(programmeVersions)
      .where(eq(programmeVersions.eventId, o.eventId))
      .orderBy(desc(programmeVersions.number))
      .limit(1);
    const snapshot = await takeSnapshot(tx, o.eventId);
    const changes = diffSnapshots(last ? readSnapshot(last.snapshot) : null, snapshot);
    const number = (last?.number ?? 0) + 1;
    await tx.insert(programmeVersions).values({
      eventId: o.eventId,
      number,
      snapshot,
      changes,
      publishedBy: o.userId,
    });
    await tx.update(events).set({ published: true }).where(eq(events.id, o.eventId));
    const [edition] = await tx.select().from(editions).where(eq(editions.id, event.editionId));
    return { number, changes, event, edition: edition! };
  });
  const notified = o.notify ? await notifyPeople({ ...o.notify, db }, result) : 0;
  return { number: result.number, changes: result.changes, notified };
}

/** One e-mail per affected person with an address, listing the changes to their sessions. */
async function notifyPeople(
  deps: MailDeps,
  r: {
    number: number;
    changes: ProgrammeChange[];
    event: typeof events.$inferSelect;
    edition: typeof editions.$inferSelect;
  },
): Promise<number> {
  const ids = [...new Set(r.changes.flatMap((c) => c.personIds))];
  if (ids.length === 0) return 0;
  const rows = await deps.db
    .select({
      id: people.id,
      name: people.name,
      languages: people.languages,
      email: personEmails.email,
      isPrimary: personEmails.isPrimary,
    })
    .from(people)
    .innerJoin(personEmails, eq(personEmails.personId, people.id))
    .where(and(inArray(people.id, ids), isNull(people.erasedAt)))
    .orderBy(desc(personEmails.isPrimary));
  const seen = new Set<string>();
  let sent = 0;
  for (const p of rows) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const lang: Lang = p.languages[0] === 'en' ? 'en' : 'es';
    const mine = r.changes.filter((c) => c.personIds.includes(p.id));
    await sendMail(deps, {
      to: p.email,
      lang,
      template: {
        kind: 'programmeChanged',
        name: p.name,
        event: lang === 'en' ? (r.event.titleEn ?? r.event.titleEs) : r.event.titleEs,
        url: `${deps.env.publicUrl}/e/${r.edition.slug}/changes`,
        lines: mine.map((c) => describeChange(c, lang, r.event.timeZone)),
      },
    });
    sent += 1;
  }
  return sent;
}

/** "Panel X: time 10:30–12:30 → 11:00–13:00, room A → B" in `lang`. */
export function describeChange(c: ProgrammeChange, lang: Lang, zone: string): string {
  const t = translator(lang);
  const title = lang === 'en' ? (c.titleEn ?? c.titleEs) : c.titleEs;
  const when = (w: NonNullable<ProgrammeChange['after']>) =>
    `${formatDay(new Date(w.startsAt), lang, zone)} ${formatTime(new Date(w.startsAt), lang, zone)}–${formatTime(new Date(w.endsAt), lang, zone)}${w.room ? `, ${w.room}` : ''}`;
  if (c.type === 'added') return `${t('changes.added')}: ${title} (${when(c.after!)})`;
  if (c.type === 'removed') return `${t('changes.removed')}: ${title} (${when(c.before!)})`;
  const what = c.fields.map((f) => t(`changes.field.${f}`)).join(', ');
  const move =
    c.fields.includes('time') || c.fields.includes('room')
      ? ` (${when(c.before!)} → ${when(c.after!)})`
      : '';
  return `${t('changes.changed')}: ${title} — ${what}${move}`;
}
