/**
 * Creates an administrator, or makes an existing account one and gives it a new password.
 * Used by the operator command `npm run convoca -- admin:create EMAIL`.
 *
 * @example
 * const { password } = await setAdmin(db, { email: 'ana@example.org' });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken } from '../../lib/crypto';
import { createUser } from './create-user';
import { findUserByEmail } from './find-user';
import { users } from './schema';
import { revokeOtherSessions } from './sessions';
import { setPassword } from './set-password';

export async function setAdmin(
  db: Db,
  o: { email: string; password?: string },
): Promise<{ password: string; created: boolean }> {
  const password = o.password ?? randomToken(15);
  const existing = await findUserByEmail(db, o.email);
  if (!existing) {
    await createUser(db, {
      email: o.email,
      name: o.email.split('@')[0] ?? 'Admin',
      password,
      isAdmin: true,
      verified: true,
    });
    return { password, created: true };
  }
  await setPassword(db, { userId: existing.id, password });
  await db
    .update(users)
    .set({ isAdmin: true, emailVerifiedAt: existing.emailVerifiedAt ?? new Date() })
    .where(eq(users.id, existing.id));
  await revokeOtherSessions(db, { userId: existing.id });
  return { password, created: false };
}
