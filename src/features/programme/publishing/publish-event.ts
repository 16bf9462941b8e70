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

/** One person to tell about a publication: their address and language. */
type Recipient = { id: string; name: string; email: string; lang: Lang };

/** A version just published, with the people on its changed sessions (not yet e-mailed). */
export type Publication = {
  number: number;
  changes: ProgrammeChange[];
  event: typeof events.$inferSelect;
  edition: typeof editions.$inferSelect;
  recipients: Recipient[];
};

export async function publishEvent(o: {
  db: Db;
  eventId: string;
  userId: string | null;
  /** How to e-mail the affected people; left out for the demo, which writes to nobody. */
  notify?: MailDeps;
}): Promise<PublishResult> {
  const publication = await publishDraft(o.db, o);
  const notified = o.notify ? await notifyPublication({ ...o.notify, db: o.db }, publication) : 0;
  return { number: publication.number, changes: publication.changes, notified };
}

/**
 * The change part of `publishEvent`, in one transaction: the new version and the people to tell
 * (each with an address, once), without e-mailing anyone; `notifyPublication` does that after.
 *
 * @example
 * const publication = await publishDraft(tx, { eventId, userId: user.id });
 * await notifyPublication(deps, publication);
 */
export async function publishDraft(
  db: Db,
  o: { eventId: string; userId: string | null },
): Promise<Publication> {
  return db.transaction(async (tx) => {
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
    const recipients = await recipientsOf(tx, changes);
    return { number, changes, event, edition: edition!, recipients };
  });
}

/** Each affected person with an address, once (their primary address first). */
async function recipientsOf(db: Db, changes: ProgrammeChange[]): Promise<Recipient[]> {
  const ids = [...new Set(changes.flatMap((c) => c.personIds))];
  if (ids.length === 0) return [];
  const rows = await db
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
  const recipients: Recipient[] = [];
  for (const p of rows) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const lang: Lang = p.languages[0] === 'en' ? 'en' : 'es';
    recipients.push({ id: p.id, name: p.name, email: p.email, lang });
  }
  return recipients;
}

/**
 * One e-mail per recipient of a publication, listing the changes to their sessions, in their
 * language; answers how many were written.
 *
 * @example
 * const notified = await notifyPublication(c.var.deps, publication);
 */
export async function notifyPublication(deps: MailDeps, r: Publication): Promise<number> {
  for (const p of r.recipients) {
    const mine = r.changes.filter((c) => c.personIds.includes(p.id));
    await sendMail(deps, {
      to: p.email,
      lang: p.lang,
      template: {
        kind: 'programmeChanged',
        name: p.name,
        event: p.lang === 'en' ? (r.event.titleEn ?? r.event.titleEs) : r.event.titleEs,
        url: `${deps.env.publicUrl}/e/${r.edition.slug}/changes`,
        lines: mine.map((c) => describeChange(c, p.lang, r.event.timeZone)),
      },
    });
  }
  return r.recipients.length;
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
