/**
 * HTTP validators for exports that are the same until the next publication: a weak `ETag` (weak,
 * because compression changes the bytes, not the meaning) and `Last-Modified`, and the check of a
 * client's `If-None-Match` / `If-Modified-Since` that lets it answer `304` before building anything.
 *
 * @example
 * const etag = etagOf(version.tag, 'ics', lang);
 * if (isNotModified({ ifNoneMatch: c.req.header('If-None-Match'), ifModifiedSince: c.req.header('If-Modified-Since'), etag, lastModified })) …
 */

/** A weak entity tag made of the version's tag and what else changes the body. */
export function etagOf(...parts: string[]): string {
  return `W/"${parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_')}"`;
}

/**
 * Whether the client already holds this version: `If-None-Match` names the tag (or `*`); only
 * when it sends none, `If-Modified-Since` is not before `lastModified` (RFC 9110, 13.2.2).
 */
export function isNotModified(o: {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  etag: string;
  lastModified: Date | null;
}): boolean {
  if (o.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const wanted = opaque(o.etag);
    return o.ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === wanted);
  }
  if (!o.ifModifiedSince || !o.lastModified) return false;
  const since = Date.parse(o.ifModifiedSince);
  return Number.isFinite(since) && o.lastModified.getTime() <= since;
}
