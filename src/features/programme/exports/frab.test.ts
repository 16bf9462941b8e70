import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** The official XSD from the c3voc schedule validator, kept in the shared formats folder. */
const xsd = readFileSync(
  new URL('../../../../tests/formats/frab-schedule.xsd', import.meta.url),
  'utf8',
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
});
afterAll(() => t.close());

describe('frab schedule.xml', () => {
  it('validates against the official XSD and matches the JSON export', async () => {
    const res = await t.app.request('/e/igf-guatemala-2018/schedule.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    const result = await validateXML({
      xml: [{ fileName: 'schedule.xml', contents: xml }],
      schema: [{ fileName: 'schema.xsd', contents: xsd }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const json = await (await t.app.request('/e/igf-guatemala-2018/schedule.json')).json();
    const guids = Object.values(
      json.schedule.conference.days[0].rooms as Record<string, { guid: string }[]>,
    )
      .flat()
      .map((e) => e.guid);
    for (const guid of guids) expect(xml).toContain(`guid="${guid}"`);
    expect(xml.match(/<event /g)).toHaveLength(guids.length);
    expect(xml).toContain('<time_zone_name>America/Guatemala</time_zone_name>');
  });
});
