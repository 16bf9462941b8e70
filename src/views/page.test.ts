import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const languageLink = (html: string) => /<a href="([^"]*)" lang="en"/.exec(html)?.[1];

describe('the language link', () => {
  it.each(['//evil.example/x', '/\\evil.example/x', '///evil.example/x'])(
    'stays on this site on the not-found page for %s',
    async (path) => {
      const res = await t.app.request(`http://localhost${path}`);
      expect(res.status).toBe(404);
      const href = languageLink(await res.text());
      expect(href).toBe('/evil.example/x?lang=en');
    },
  );

  it('keeps the path and the query of an ordinary page', async () => {
    const res = await t.app.request('/institutions?page=2');
    expect(languageLink(await res.text())).toBe('/institutions?page=2&amp;lang=en');
  });
});
