import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hashPassword } from './password';
import { users } from './schema';

/** Replaces a user's password hash. */
export async function setPassword(db: Db, o: { userId: string; password: string }): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(o.password), updatedAt: new Date() })
    .where(eq(users.id, o.userId));
}
