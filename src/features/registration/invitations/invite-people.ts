/**
 * Invites people to an event, each with a personal e-mail in their language and a private link
 * to answer. Invitees come from the initiative's network (they need an e-mail) or from a pasted
 * list; a pasted e-mail that belongs to someone in the network is linked to that person and
 * written to in their language. Nobody is invited twice to one event: those already invited are
 * reported, not written to again.
 *
 * @example
 * const { invited, skipped } = await invitePeople(deps, {
 *   eventId, initiativeId,
 *   personIds: [sofia.id],
 *   invitees: [{ name: 'Ben Reporter', email: 'ben@example.org', representing: 'EFE' }],
 *   lang: 'en', // for pasted invitees the network does not know
 * });
 * invited.length; // 2, each with the token of its link
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../../http/types';
import { langs, type Lang } from '../../../i18n/index';
import { sha256 } from '../../../lib/crypto';
import {
  affiliations,
  institutions,
  participations,
  people,
  personEmails,
} from '../../network/schema';
import { editions, events } from '../../programme/schema';
import { invitations, type Invitation } from '../schema';
import { InputError } from '../../../http/input-error';
import type { Invitee } from './invitation-input';
import { invitationToken } from './invitation-token';
import { inviteeLanguage } from './invitee-language';
import { sendInvitationMail } from './send-invitation-mail';

type Deps = Pick<AppDeps, 'db' | 'mailer' | 'log' | 'env' | 'secret'>;

export const skipReasons = ['no_email', 'already_invited', 'unknown_person'] as const;
export type Skipped = {
  name: string;
  email: string | null;
  reason: (typeof skipReasons)[number];
};

const input = z.object({
  eventId: z.uuid(),
  initiativeId: z.uuid(),
  personIds: z.array(z.uuid()).max(1000).default([]),
  invitees: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().toLowerCase().pipe(z.email()),
        representing: z.string().trim().max(200).nullable(),
      }),
    )
    .max(1000)
    .default([]),
  lang: z.enum(langs).default('es'),
});

export async function invitePeople(
  deps: Deps,
  o: {
    eventId: string;
    initiativeId: string;
    personIds?: string[];
    invitees?: Invitee[];
    lang?: Lang;
    now?: Date;
  },
): Promise<{ invited: { invitation: Invitation; token: string }[]; skipped: Skipped[] }> {
  const { eventId, initiativeId, personIds, invitees, lang } = input.parse(o);
  const now = o.now ?? new Date();
  const { db } = deps;
  const [event] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(events.id, eventId), eq(editions.initiativeId, initiativeId)));
  if (!event) throw new InputError({ _form: 'invitation.error.unknown_event' });

  const skipped: Skipped[] = [];
  const wanted: {
    personId: string | null;
    name: string;
    email: string;
    representing: string | null;
    lang: Lang;
  }[] = [];

  // People chosen from the network: only the initiative's, not erased, with an e-mail.
  const inInitiative = sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${initiativeId})`;
  const chosen = personIds.length
    ? await db
        .select({ id: people.id, name: people.name, languages: people.languages })
        .from(people)
        .where(and(inArray(people.id, personIds), isNull(people.erasedAt), inInitiative))
    : [];
  for (const id of personIds)
    if (!chosen.some((p) => p.id === id))
      skipped.push({ name: id, email: null, reason: 'unknown_person' });
  const emails = chosen.length
    ? await db
        .select({ personId: personEmails.personId, email: personEmails.email })
        .from(personEmails)
        .where(
          inArray(
            personEmails.personId,
            chosen.map((p) => p.id),
          ),
        )
        .orderBy(desc(personEmails.isPrimary), asc(personEmails.email))
    : [];
  const current = chosen.length
    ? await db
        .select({ personId: affiliations.personId, name: institutions.name })
        .from(affiliations)
        .innerJoin(institutions, eq(institutions.id, affiliations.institutionId))
        .where(
          and(
            inArray(
              affiliations.personId,
              chosen.map((p) => p.id),
            ),
            isNull(affiliations.endedOn),
          ),
        )
    : [];
  for (const p of chosen) {
    const email = emails.find((e) => e.personId === p.id)?.email.toLowerCase();
    if (!email) {
      skipped.push({ name: p.name, email: null, reason: 'no_email' });
      continue;
    }
    wanted.push({
      personId: p.id,
      name: p.name,
      email,
      representing: current.find((a) => a.personId === p.id)?.name ?? null,
      lang: inviteeLanguage(p.languages),
    });
  }

  // A pasted e-mail the network knows is that person, written to in their language.
  const known = invitees.length
    ? await db
        .select({ email: personEmails.email, personId: people.id, languages: people.languages })
        .from(personEmails)
        .innerJoin(people, eq(people.id, personEmails.personId))
        .where(
          and(
            isNull(people.erasedAt),
            inArray(
              sql`lower(${personEmails.email})`,
              invitees.map((i) => i.email.toLowerCase()),
            ),
          ),
        )
    : [];
  for (const i of invitees) {
    const email = i.email.toLowerCase();
    const person = known.find((k) => k.email.toLowerCase() === email);
    wanted.push({
      personId: person?.personId ?? null,
      name: i.name,
      email,
      representing: i.representing,
      lang: person ? inviteeLanguage(person.languages, lang) : lang,
    });
  }

  const invited: { invitation: Invitation; token: string }[] = [];
  const taken = new Set<string>();
  for (const w of wanted) {
    if (taken.has(w.email)) continue;
    taken.add(w.email);
    const id = randomUUID();
    const token = invitationToken(deps.secret, id);
    // The unique index on (event, lower(email)) settles a race between two organisers.
    const [row] = await db
      .insert(invitations)
      .values({ id, eventId, ...w, tokenHash: sha256(token), sentAt: now, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      skipped.push({ name: w.name, email: w.email, reason: 'already_invited' });
      continue;
    }
    invited.push({ invitation: row, token });
  }
  // Mail goes out once every row is written.
  for (const { invitation } of invited)
    await sendInvitationMail(deps, { invitationId: invitation.id, state: 'invite' });
  return { invited, skipped };
}
