/**
 * Personal access tokens: shown once at creation, stored as a SHA-256 digest, revocable.
 *
 * @example
 * const { secret } = await createApiToken(db, { userId, name: 'spreadsheet', scopes: ['profile:read'], days: 90 });
 * const found = await findApiToken(db, secret); // { token, user } while valid
 */
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken, sha256 } from '../../lib/crypto';
import { users, type User } from '../accounts/schema';
import { apiTokens, type ApiToken, type TokenScope } from './schema';

export const TOKEN_PREFIX = 'cvk_';

export async function createApiToken(
  db: Db,
  o: { userId: string; name: string; scopes: TokenScope[]; days: number | null },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = TOKEN_PREFIX + randomToken();
  const [token] = await db
    .insert(apiTokens)
    .values({
      userId: o.userId,
      name: o.name,
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
      scopes: o.scopes,
      expiresAt: o.days ? new Date(Date.now() + o.days * 86_400_000) : null,
    })
    .returning();
  return { token: token!, secret };
}

export async function findApiToken(
  db: Db,
  secret: string,
): Promise<{ token: ApiToken; user: User } | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const now = new Date();
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  return row;
}

export function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  db: Db,
  o: { userId: string; tokenId: string },
): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(apiTokens.id, o.tokenId), eq(apiTokens.userId, o.userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
