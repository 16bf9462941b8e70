/**
 * A browser-like client for `app.request()`: keeps cookies and sends the CSRF token with forms.
 *
 * @example
 * const agent = createAgent(t);
 * await agent.get('/sign-in');
 * const res = await agent.post('/sign-in', { email, password });
 */
import { hmac } from '../../src/lib/crypto';
import type { TestApp } from './test-app';

export type Agent = ReturnType<typeof createAgent>;

export function createAgent(t: TestApp, o: { headers?: Record<string, string> } = {}) {
  const jar = new Map<string, string>();
  const store = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);
    if (jar.size) headers.set('cookie', cookieHeader());
    return store(await t.app.request(path, { ...init, headers }));
  };
  const agent = {
    jar,
    request,
    get: (path: string, headers: Record<string, string> = {}) => request(path, { headers }),
    /** The form token the page would carry (requires a prior GET that set the cookie). */
    csrfToken: () => hmac(t.deps.secret, jar.get('convoca_csrf') ?? ''),
    /** Posts a form; adds `_csrf` unless the caller gives one (or `null` to send none). */
    async post(
      path: string,
      form: Record<string, string | string[]> = {},
      o2: { csrf?: string | null } = {},
    ) {
      if (!jar.has('convoca_csrf')) await request('/');
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form))
        for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
      const token = o2.csrf === undefined ? agent.csrfToken() : o2.csrf;
      if (token !== null) body.set('_csrf', token);
      return request(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    },
  };
  return agent;
}
