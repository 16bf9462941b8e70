/**
 * Registers an account for a new address. If the address already has an account, nothing
 * changes and that account is answered as `existing`; `mailSignUp` then tells its owner instead,
 * so the caller cannot tell the difference.
 *
 * @example
 * const outcome = await signUp(db, { name: 'Ana', email: 'ana@example.org', password: '…', lang: 'es' });
 * await mailSignUp(deps, outcome);
 */
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import type { Lang } from '../../i18n/index';
import { sendMail } from '../mail/send-mail';
import { createUser } from './create-user';
import { issueEmailToken } from './email-tokens';
import { findUserByEmail } from './find-user';
import type { User } from './schema';

/** What a sign-up did: the account it created, or the one the address already had. */
export type SignUpOutcome =
  { created: User; existing?: undefined } | { created?: undefined; existing: User };

export async function signUp(
  db: Db,
  o: { name: string; email: string; password: string; lang: Lang },
): Promise<SignUpOutcome> {
  const existing = await findUserByEmail(db, o.email);
  if (existing) return { existing };
  const created = await createUser(db, {
    email: o.email,
    name: o.name,
    password: o.password,
    locale: o.lang,
  });
  return { created };
}

/**
 * Mails the outcome of a sign-up: the verification link to a new account, or a reminder to
 * sign in to the owner of the account the address already had.
 *
 * @example
 * await mailSignUp(c.var.deps, await signUp(db, input));
 */
export async function mailSignUp(deps: AppDeps, outcome: SignUpOutcome): Promise<void> {
  if (outcome.created) return sendVerification(deps, outcome.created);
  const { existing } = outcome;
  await sendMail(deps, {
    to: existing.email,
    lang: existing.locale === 'en' ? 'en' : 'es',
    template: { kind: 'existing', name: existing.name, url: `${deps.env.publicUrl}/sign-in` },
  });
}

/** Issues a verification link for the account and mails it. */
export async function sendVerification(deps: AppDeps, user: User): Promise<void> {
  const token = await issueEmailToken(deps.db, {
    userId: user.id,
    purpose: 'verify_email',
    ttlMinutes: 24 * 60,
  });
  await sendMail(deps, {
    to: user.email,
    lang: user.locale === 'en' ? 'en' : 'es',
    template: {
      kind: 'verify',
      name: user.name,
      url: `${deps.env.publicUrl}/verify-email?token=${token}`,
    },
  });
}
