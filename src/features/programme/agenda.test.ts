import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import { createAgent } from '../../../tests/support/agent';
import { buildUser, signedInAgent } from '../../../tests/support/factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
let ids: string[];
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
  const html = await (await t.app.request('/e/igf-guatemala-2018/programme')).text();
  ids = [
    ...html.matchAll(/action="\/e\/igf-guatemala-2018\/sessions\/([0-9a-f-]{36})\/star"/g),
  ].map((m) => m[1]!);
});
afterAll(() => t.close());

describe('personal agenda', () => {
  it('stars sessions without an account, shows them, and subscribes through a secret calendar URL', async () => {
    expect(ids.length).toBe(17);
    const visitor = createAgent(t);
    await visitor.get('/e/igf-guatemala-2018/programme');
    expect(
      (
        await visitor.post(`/e/igf-guatemala-2018/sessions/${ids[7]}/star`, {
          next: '/e/igf-guatemala-2018/programme',
        })
      ).status,
    ).toBe(303);
    await visitor.post(`/e/igf-guatemala-2018/sessions/${ids[12]}/star`);
    const programme = await (await visitor.get('/e/igf-guatemala-2018/programme')).text();
    expect(programme.match(/aria-pressed="true"/g)).toHaveLength(2);
    const agenda = await (await visitor.get('/e/igf-guatemala-2018/agenda')).text();
    expect(agenda.match(/class="session /g)).toHaveLength(2);
    const url =
      /<code class="secret">http:\/\/localhost:3000(\/e\/igf-guatemala-2018\/agenda\/[A-Za-z0-9_-]{32}\.ics)<\/code>/.exec(
        agenda,
      )![1]!;

    const ics = await (await t.app.request(url)).text();
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')).toHaveLength(2);
    expect(
      (await t.app.request('/e/igf-guatemala-2018/agenda/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'))
        .status,
    ).toBe(404);

    // A second star on the same session removes it; another browser sees an empty agenda.
    await visitor.post(`/e/igf-guatemala-2018/sessions/${ids[7]}/star`);
    expect(
      (await (await visitor.get('/e/igf-guatemala-2018/agenda')).text()).match(/class="session /g),
    ).toHaveLength(1);
    expect(await (await createAgent(t).get('/e/igf-guatemala-2018/agenda')).text()).toContain(
      'Todavía no marcaste ninguna sesión',
    );
  });

  it('keeps a signed-in account its own agenda, and refuses a star without the form token', async () => {
    const agent = await signedInAgent(t, await buildUser(t.db));
    await agent.post(`/e/igf-guatemala-2018/sessions/${ids[9]}/star`);
    const mine = await (await agent.get('/e/igf-guatemala-2018/agenda?lang=en')).text();
    expect(mine).toContain('<h1>My agenda</h1>');
    expect(mine.match(/class="session /g)).toHaveLength(1);
    expect(mine).toContain(`/e/igf-guatemala-2018/sessions/${ids[9]}"`);
    expect(
      (await agent.post(`/e/igf-guatemala-2018/sessions/${ids[3]}/star`, {}, { csrf: null }))
        .status,
    ).toBe(403);
    expect(
      (await agent.post('/e/igf-guatemala-2018/sessions/00000000-0000-0000-0000-000000000000/star'))
        .status,
    ).toBe(404);
  });
});
