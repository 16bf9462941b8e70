import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from './types';

/**
 * Sends a server-rendered page with its doctype.
 *
 * @example
 * return render(c, <Layout page={pageOf(c)} title="Hola">…</Layout>);
 */
export async function render(
  c: Context<AppEnv>,
  element: JSX.Element,
  status: ContentfulStatusCode = 200,
) {
  const html = await element.toString();
  return c.html(`<!doctype html>${html}`, status);
}
