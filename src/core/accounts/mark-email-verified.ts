/**
 * Records that an account's e-mail address is verified (the link in the sign-up message was
 * followed).
 *
 * @example
 * await markEmailVerified(db, { userId });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from './schema';

export async function markEmailVerified(db: Db, o: { userId: string; at?: Date }): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: o.at ?? new Date() })
    .where(eq(users.id, o.userId));
}
