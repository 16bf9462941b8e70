/**
 * On the very first start, creates the administrator and says once how to sign in. Later starts
 * find an administrator and say nothing.
 *
 * @example
 * const created = await ensureFirstAdmin(db, { email: 'admin@convoca.localhost' });
 * if (created) console.log(created.password);
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken } from '../../lib/crypto';
import { createUser } from './create-user';
import { users } from './schema';

export async function ensureFirstAdmin(
  db: Db,
  o: { email: string; password?: string },
): Promise<{ email: string; password: string; generated: boolean } | undefined> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.isAdmin, true))
    .limit(1);
  if (existing) return undefined;
  const password = o.password ?? randomToken(15);
  await createUser(db, { email: o.email, name: 'Admin', password, isAdmin: true, verified: true });
  return { email: o.email, password, generated: !o.password };
}
