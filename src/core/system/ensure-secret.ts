import type { Db } from '../../db/client';
import { randomToken } from '../../lib/crypto';
import { ensureSetting } from './settings';

/**
 * The secret that signs form tokens: CONVOCA_SECRET when set, otherwise one generated on first
 * start and kept in the database so every app process shares it.
 *
 * @example
 * const secret = await ensureSecret(db, env.secret);
 */
export async function ensureSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  return ensureSetting(db, 'form_secret', () => randomToken(48));
}
