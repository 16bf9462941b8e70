/**
 * What a public export of an edition depends on, read cheaply (no snapshot is parsed): the newest
 * published version of each public event (its id and row revision, which changes when an erasure
 * rewrites it), and the live fields the exports also print (edition name, each event's zone, title
 * and venue). Two requests with the same `tag` get byte-for-byte the same export, so the tag is
 * the export's ETag and the key under which it is built once.
 *
 * @example
 * const version = await exportVersionOf(db, edition);
 * version.tag; // 'a3f…' (changes with every publication, erasure or venue rename)
 * version.lastModified; // when the newest of those versions was published
 */
import { createHash } from 'node:crypto';
import { desc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { listEvents } from '../queries';
import { programmeVersions, type Edition } from '../schema';

export type ExportVersion = {
  /** A hash of everything the export is made from. */
  tag: string;
  /** The newest publication among the edition's public events (whole seconds), or null. */
  lastModified: Date | null;
};

export async function exportVersionOf(db: Db, edition: Edition): Promise<ExportVersion> {
  const published = (await listEvents(db, edition.id)).filter(
    (r) => r.event.published && r.event.visibility === 'public',
  );
  const ids = published.map((r) => r.event.id);
  const heads = ids.length
    ? await db
        .selectDistinctOn([programmeVersions.eventId], {
          id: programmeVersions.id,
          revision: sql<string>`${programmeVersions}.xmin::text`,
          publishedAt: programmeVersions.publishedAt,
        })
        .from(programmeVersions)
        .where(inArray(programmeVersions.eventId, ids))
        .orderBy(programmeVersions.eventId, desc(programmeVersions.number))
    : [];
  const tag = createHash('sha256')
    .update(
      JSON.stringify([
        edition.id,
        edition.slug,
        edition.name,
        edition.year,
        published.map((r) => [r.event.id, r.event.timeZone, r.event.titleEs, r.venue?.name]),
        heads.map((h) => [h.id, h.revision]),
      ]),
    )
    .digest('base64url')
    .slice(0, 27);
  const newest = Math.max(0, ...heads.map((h) => h.publishedAt.getTime()));
  return { tag, lastModified: newest ? new Date(Math.floor(newest / 1000) * 1000) : null };
}
