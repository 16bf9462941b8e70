/**
 * Creates an account. The e-mail is stored trimmed and lower-cased.
 *
 * @example
 * const user = await createUser(db, { email: 'ana@example.org', name: 'Ana', password: 'a long passphrase' });
 */
import type { Db } from '../../db/client';
import type { Lang } from '../../i18n/index';
import { hashPassword } from './password';
import { users, type User } from './schema';

export type CreateUserOptions = {
  email: string;
  name: string;
  password: string;
  locale?: Lang;
  isAdmin?: boolean;
  verified?: boolean;
};

export async function createUser(db: Db, o: CreateUserOptions): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: o.email.trim().toLowerCase(),
      name: o.name.trim(),
      passwordHash: await hashPassword(o.password),
      locale: o.locale ?? 'es',
      isAdmin: o.isAdmin ?? false,
      emailVerifiedAt: o.verified ? new Date() : null,
    })
    .returning();
  return user!;
}
