/**
 * The input boundary for control characters and unreadable bodies. NUL and the other C0
 * controls (tab, line feed and carriage return stay) are stripped from query values and from
 * every text field of a form or JSON body before any handler sees them, so nothing typed reaches
 * PostgreSQL (which refuses NUL) or an export with them; a path holding one is refused (400).
 * A body that cannot be read answers 400 (malformed JSON or multipart), one in a format no route
 * takes answers 415; both in the reader's language, as JSON under `/api/`.
 * Runs after the body-size limit, so it never reads more than that limit allows.
 *
 * @example
 * app.use(bodyLimits);
 * app.use(cleanInput());
 */
import type { MiddlewareHandler } from 'hono';
import { hasControls, stripControls, stripControlsDeep } from '../lib/strip-controls';
import { AppError } from './errors';
import type { AppEnv } from './types';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const cleanInput = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (hasControls(decoded(c.req.path))) throw new AppError('bad_request');
  const raw = c.req.raw;
  const url = new URL(raw.url);
  const search = cleanSearch(url.search);
  let body: BodyInit | undefined;
  const headers = new Headers(raw.headers);
  if (WITH_BODY.has(raw.method) && raw.body) {
    const type = (raw.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') {
      body = cleanSearch(await raw.text()).replace(/^\?/, '');
    } else if (type === 'multipart/form-data') {
      body = await cleanMultipart(raw);
      headers.delete('content-type'); // the rebuilt body brings its own boundary
    } else if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) {
      body = await cleanJson(raw);
    } else {
      const bytes = await raw.arrayBuffer();
      if (bytes.byteLength > 0) throw new AppError('unsupported_type');
      body = undefined;
    }
    headers.delete('content-length');
    url.search = search;
    c.req.raw = new Request(url, { method: raw.method, headers, body, signal: raw.signal });
    c.req.bodyCache = {};
  } else if (search !== url.search) {
    url.search = search;
    c.req.raw = new Request(url, raw);
  }
  await next();
};

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The query (or urlencoded form) with control characters removed; unchanged text when clean. */
function cleanSearch(search: string): string {
  const text = search.replace(/^\?/, '');
  if (!text) return search;
  const params = new URLSearchParams(text);
  let dirty = false;
  for (const [k, v] of params) if (hasControls(k) || hasControls(v)) dirty = true;
  if (!dirty) return search;
  const clean = new URLSearchParams();
  for (const [k, v] of params) clean.append(stripControls(k), stripControls(v));
  return (search.startsWith('?') ? '?' : '') + clean.toString();
}

async function cleanMultipart(raw: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await raw.formData();
  } catch {
    throw new AppError('bad_request');
  }
  const clean = new FormData();
  form.forEach((v, k) => {
    if (typeof v === 'string') clean.append(stripControls(k), stripControls(v));
    else clean.append(stripControls(k), v, stripControls(v.name));
  });
  return clean;
}

async function cleanJson(raw: Request): Promise<string | undefined> {
  const text = await raw.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.stringify(stripControlsDeep(JSON.parse(text)));
  } catch {
    throw new AppError('bad_request');
  }
}
