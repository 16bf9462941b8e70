import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/** The official schema from the c3voc schedule validator, kept in the shared formats folder. */
const schema = JSON.parse(
  readFileSync(
    new URL('../../../../tests/formats/c3voc-schedule.schema.json', import.meta.url),
    'utf8',
  ),
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
});
afterAll(() => t.close());

describe('c3voc schedule JSON', () => {
  it('validates against the official schema and keeps stable ids', async () => {
    const res = await t.app.request('/e/igf-guatemala-2018/schedule.json');
    expect(res.status).toBe(200);
    const json = await res.json();
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft6);
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const day = json.schedule.conference.days[0];
    expect(json.schedule.conference.time_zone_name).toBe('America/Guatemala');
    expect(day.date).toBe('2018-10-25');
    expect(Object.keys(day.rooms)).toEqual(
      expect.arrayContaining([
        'Aula Seminario',
        'Auditorium Ficohsa',
        'Auditorium Antonio Rodriguez Pedrazuela',
      ]),
    );
    const neutrality = day.rooms['Aula Seminario'][0];
    expect(neutrality).toMatchObject({
      date: '2018-10-25T10:30:00-06:00',
      duration: '02:00',
      type: 'panel',
      title: 'Defensa del principio de neutralidad de la red',
    });
    const again = await (await t.app.request('/e/igf-guatemala-2018/schedule.json')).json();
    expect(again.schedule.conference.days[0].rooms['Aula Seminario'][0].guid).toBe(neutrality.guid);
  });
});
