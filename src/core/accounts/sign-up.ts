/**
 * Registers an account and e-mails a verification link. If the address already has an account,
 * that account's owner is told instead, and the caller cannot tell the difference.
 *
 * @example
 * await signUp(deps, { name: 'Ana', email: 'ana@example.org', password: '…', lang: 'es' });
 */
import type { AppDeps } from '../../http/types';
import type { Lang } from '../../i18n/index';
import { sendMail } from '../mail/send-mail';
import { createUser } from './create-user';
import { issueEmailToken } from './email-tokens';
import { findUserByEmail } from './find-user';
import type { User } from './schema';

export async function signUp(
  deps: AppDeps,
  o: { name: string; email: string; password: string; lang: Lang },
): Promise<{ created: User | undefined }> {
  const existing = await findUserByEmail(deps.db, o.email);
  if (existing) {
    await sendMail(deps, {
      to: existing.email,
      lang: existing.locale === 'en' ? 'en' : 'es',
      template: { kind: 'existing', name: existing.name, url: `${deps.env.publicUrl}/sign-in` },
    });
    return { created: undefined };
  }
  const user = await createUser(deps.db, {
    email: o.email,
    name: o.name,
    password: o.password,
    locale: o.lang,
  });
  await sendVerification(deps, user);
  return { created: user };
}

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
