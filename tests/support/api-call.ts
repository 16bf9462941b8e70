/**
 * Calls the JSON API as `user` with a fresh personal access token holding `scopes` (valid one
 * day); with `user` null no token is sent. A `payload` is sent as a JSON body.
 *
 * @example
 * const res = await apiCall(t, organiser, ['programme:write'], `${base}/events`, 'POST', {
 *   name: 'Foro',
 * });
 * expect(res.status).toBe(201);
 */
import type { User } from '../../src/core/accounts/schema';
import type { TokenScope } from '../../src/core/api-tokens/schema';
import { createApiToken } from '../../src/core/api-tokens/tokens';
import type { TestApp } from './test-app';

export async function apiCall(
  t: TestApp,
  user: User | null,
  scopes: TokenScope[],
  url: string,
  method = 'GET',
  payload?: unknown,
): Promise<Response> {
  const headers = new Headers();
  if (user) {
    const { secret } = await createApiToken(t.db, {
      userId: user.id,
      name: 'test',
      scopes,
      days: 1,
    });
    headers.set('authorization', `Bearer ${secret}`);
  }
  if (payload !== undefined) headers.set('content-type', 'application/json');
  return t.app.request(url, {
    method,
    headers,
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}
