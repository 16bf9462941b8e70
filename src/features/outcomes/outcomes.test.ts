import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { baseRoles, roleAgents, type BaseRole } from '../../../tests/support/role-agents';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition } from '../programme/schema';
import { proposeTopic } from '../topics/propose-topic';
import { selectTopic } from '../topics/select-topic';
import { shortlistTopic } from '../topics/shortlist-topic';
import { addOutcome } from './add-outcome';
import { outcomes } from './schema';

let t: TestApp;
let a: Initiative;
let b: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  b = await buildInitiative(t.db);
});
afterAll(() => t.close());

/** An edition of initiative A with one selected track, "Neutralidad de la red". */
async function editionWithTrack(): Promise<Edition> {
  const edition = await buildEdition(t.db, { initiative: a });
  const topic = await proposeTopic(t.db, {
    editionId: edition.id,
    origin: 'committee',
    lang: 'es',
    input: {
      title: 'Neutralidad',
      reason: null,
      stakeholderGroup: null,
      proposerName: null,
      namePublic: false,
    },
  });
  await shortlistTopic(t.db, { editionId: edition.id, topicId: topic.id });
  await selectTopic(t.db, {
    editionId: edition.id,
    topicId: topic.id,
    trackName: 'Neutralidad de la red',
  });
  return edition;
}

const base = (e: Edition) => `/i/${a.slug}/editions/${e.slug}/outcomes`;
const draft = (e: Edition, text: string) =>
  addOutcome(t.db, {
    editionId: e.id,
    userId: null,
    tracks: ['Neutralidad de la red'],
    input: { kind: 'recommendation', topic: '', textEs: text, textEn: null, source: null },
  });

describe('an edition’s outcomes', () => {
  it('are entered as drafts, published to the public page, withdrawn and deleted, each audited', async () => {
    const edition = await editionWithTrack();
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'organiser' }),
    );

    const refused = await organiser.post(base(edition), {
      kind: 'recommendation',
      topic: 'Otro tema',
      textEs: '',
      textEn: '',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Escribe el texto en español, en inglés o en ambos.');

    const wrongTopic = await organiser.post(`${base(edition)}?lang=en`, {
      kind: 'recommendation',
      topic: 'Otro tema',
      textEs: 'Todo el tráfico debe tratarse por igual.',
    });
    expect(wrongTopic.status).toBe(422);
    const kept = await wrongTopic.text();
    expect(kept).toContain('Choose one of the edition’s topics.');
    expect(kept).toContain('Todo el tráfico debe tratarse por igual.');

    const added = await organiser.post(base(edition), {
      kind: 'recommendation',
      topic: 'Neutralidad de la red',
      textEs: 'Todo el tráfico debe tratarse por igual.',
      textEn: '',
      source: 'Relatoría del panel',
    });
    expect(added.status).toBe(303);
    const [row] = await t.db.select().from(outcomes).where(eq(outcomes.editionId, edition.id));
    expect(row).toMatchObject({
      status: 'draft',
      topic: 'Neutralidad de la red',
      originalLang: 'es',
      textEn: null,
    });

    const publicPage = `/e/${edition.slug}/outcomes`;
    expect(await (await organiser.get(publicPage)).text()).not.toContain('Todo el tráfico');

    expect((await organiser.post(`${base(edition)}/${row!.id}/publish`, {})).status).toBe(303);
    const es = await (await organiser.get(publicPage)).text();
    expect(es).toContain('Todo el tráfico debe tratarse por igual.');
    expect(es).toContain('>Neutralidad de la red</h2>');
    const en = await (await organiser.get(`${publicPage}?lang=en`)).text();
    expect(en).toContain('lang="es"');
    expect(en).toContain('Original text in Spanish; not translated into English.');
    expect(await (await organiser.get(`/e/${edition.slug}`)).text()).toContain(publicPage);

    expect((await organiser.post(`${base(edition)}/${row!.id}/withdraw`, {})).status).toBe(303);
    expect(await (await organiser.get(publicPage)).text()).not.toContain('Todo el tráfico');

    const confirm = await organiser.get(`${base(edition)}/${row!.id}/delete?lang=es`);
    expect(await confirm.text()).toContain('¿Borrar este texto?');
    expect((await organiser.post(`${base(edition)}/${row!.id}/delete`, {})).status).toBe(303);
    expect(await t.db.select().from(outcomes).where(eq(outcomes.editionId, edition.id))).toEqual(
      [],
    );

    const logged = await t.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
    expect(logged.map((l) => l.action).sort()).toEqual([
      'outcome.added',
      'outcome.deleted',
      'outcome.published',
      'outcome.withdrawn',
    ]);
  });

  it('are not found through another initiative or with an id that is not theirs', async () => {
    const edition = await editionWithTrack();
    const other = await buildEdition(t.db, { initiative: a });
    const mine = await draft(other, 'De otra edición');
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: a, role: 'organiser' }),
    );
    expect((await organiser.post(`${base(edition)}/${mine.id}/publish`, {})).status).toBe(404);
    expect((await organiser.get(`${base(edition)}/not-a-uuid/delete`)).status).toBe(404);
    const outsider = await signedInAgent(
      t,
      await buildMember(t.db, { initiative: b, role: 'coordinator' }),
    );
    expect((await outsider.get(`/i/${b.slug}/editions/${edition.slug}/outcomes`)).status).toBe(404);
  });
});

describe('who may do what with outcomes', () => {
  const managers = new Set<BaseRole>(['admin', 'coordinator', 'organiser']);
  let agents: Map<BaseRole, Agent>;
  let edition: Edition;
  beforeAll(async () => {
    ({ agents } = await roleAgents(t, { initiative: a, other: b }));
    edition = await editionWithTrack();
  });

  for (const role of baseRoles) {
    it(`${role}: manages outcomes only as a coordinator, organiser or administrator; reads the public page`, async () => {
      const agent = agents.get(role)!;
      const o = await draft(edition, `Borrador de ${role}`);
      // Not signed in: a page sends to the sign-in page, a form post is refused with 401.
      const expect200 = managers.has(role) ? 200 : role === 'anonymous' ? 303 : 403;
      const expect303 = managers.has(role) ? 303 : role === 'anonymous' ? 401 : 403;
      expect((await agent.get(base(edition))).status).toBe(expect200);
      expect(
        (await agent.post(base(edition), { kind: 'conclusion', topic: '', textEs: 'x' })).status,
      ).toBe(expect303);
      expect((await agent.post(`${base(edition)}/${o.id}/publish`, {})).status).toBe(expect303);
      expect((await agent.post(`${base(edition)}/${o.id}/withdraw`, {})).status).toBe(expect303);
      expect((await agent.get(`${base(edition)}/${o.id}/delete`)).status).toBe(expect200);
      expect((await agent.post(`${base(edition)}/${o.id}/delete`, {})).status).toBe(expect303);
      expect((await agent.get(`/e/${edition.slug}/outcomes`)).status).toBe(200);
    });
  }
});
