/**
 * Installation-wide values kept in `app_settings`.
 *
 * @example
 * const secret = await ensureSetting(db, 'form_secret', () => randomToken(48));
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appSettings } from './schema';

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return row?.value as T | undefined;
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

/** Returns the stored value, creating it first if absent; safe when processes race. */
export async function ensureSetting<T>(db: Db, key: string, create: () => T): Promise<T> {
  await db.insert(appSettings).values({ key, value: create() }).onConflictDoNothing();
  return (await getSetting<T>(db, key)) as T;
}
