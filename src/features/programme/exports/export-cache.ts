/**
 * Exports of a published version never change, so each is built once per process and version:
 * built bodies are kept by key (format, language, address and the version's tag) for the most
 * recent `CACHED_EXPORTS` keys, and requests that arrive while one is being built wait for that
 * same build instead of starting their own. Each is kept with its gzip form too (compressed once,
 * off the main thread), so serving a large export again costs neither a build nor a compression.
 * Nothing here is the truth: losing it only costs a
 * rebuild, so several app processes may each keep their own.
 *
 * @example
 * const { text, gzip } = await cachedExport({ key: `ics|es|${version.tag}`, build: () => buildIcs() });
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** A built export: its text and the same text gzip-compressed. */
export type BuiltExport = { text: string; gzip: Buffer };

/** How many built exports are kept (each is at most a few megabytes). */
export const CACHED_EXPORTS = 16;

const built = new Map<string, BuiltExport>();
const building = new Map<string, Promise<BuiltExport>>();

export async function cachedExport(o: {
  key: string;
  build: () => Promise<string>;
}): Promise<BuiltExport> {
  const hit = built.get(o.key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest is the first to go.
    built.delete(o.key);
    built.set(o.key, hit);
    return hit;
  }
  const pending = building.get(o.key);
  if (pending) return pending;
  const promise = o
    .build()
    .then(async (text) => {
      const body = { text, gzip: await gzip(text) };
      while (built.size >= CACHED_EXPORTS) built.delete(built.keys().next().value!);
      built.set(o.key, body);
      return body;
    })
    .finally(() => building.delete(o.key));
  building.set(o.key, promise);
  return promise;
}

/** Forgets every built export (for tests). */
export function clearExportCache(): void {
  built.clear();
}
