/**
 * Single-use links sent by e-mail (address verification, password reset).
 *
 * @example
 * const token = await issueEmailToken(db, { userId, purpose: 'reset_password', ttlMinutes: 60 });
 * const userId = await consumeEmailToken(db, { token, purpose: 'reset_password' });
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken, sha256 } from '../../lib/crypto';
import { emailTokens } from './schema';

type Purpose = (typeof emailTokens.$inferInsert)['purpose'];

export async function issueEmailToken(
  db: Db,
  o: { userId: string; purpose: Purpose; ttlMinutes: number },
): Promise<string> {
  const token = randomToken();
  await db.insert(emailTokens).values({
    userId: o.userId,
    purpose: o.purpose,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + o.ttlMinutes * 60_000),
  });
  return token;
}

/** Marks the token used and returns its user id, or undefined if unknown, used or expired. */
export async function consumeEmailToken(
  db: Db,
  o: { token: string; purpose: Purpose },
): Promise<string | undefined> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, sha256(o.token)),
        eq(emailTokens.purpose, o.purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId;
}

/** Whether a token is still usable, without using it (to show the reset form). */
export async function peekEmailToken(
  db: Db,
  o: { token: string; purpose: Purpose },
): Promise<boolean> {
  const [row] = await db
    .select({ id: emailTokens.id })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, sha256(o.token)),
        eq(emailTokens.purpose, o.purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}
