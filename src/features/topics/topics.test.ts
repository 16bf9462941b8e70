import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildEdition, buildEvent, buildSession } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { buildTopic, openTopicCall, topicProposal } from '../../../tests/support/topics-factories';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import { programmeSessions, type Edition } from '../programme/schema';
import { mergeTopic } from './merge-topic';
import { proposeTopic } from './propose-topic';
import { listTopics, listTracks, publicTopics } from './queries';
import { rejectTopic } from './reject-topic';
import { saveTopicCall } from './save-topic-call';
import { topics, topicVotes } from './schema';
import { selectTopic } from './select-topic';
import { setTopicVote } from './set-topic-vote';
import { shortlistTopic } from './shortlist-topic';

let t: TestApp;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

const proposal = topicProposal;

async function openEdition(): Promise<Edition> {
  const edition = await buildEdition(t.db, { initiative });
  await openTopicCall(t.db, { edition });
  return edition;
}

async function voter() {
  return buildMember(t.db, { initiative, role: 'organiser' });
}

describe('the call for topics', () => {
  it('takes a proposal only while the call is open, and never without a call', async () => {
    const edition = await buildEdition(t.db, { initiative });
    const propose = (now?: Date) =>
      proposeTopic(t.db, {
        editionId: edition.id,
        origin: 'public',
        lang: 'es',
        input: proposal(),
        now,
      });
    await expect(propose()).rejects.toBeInstanceOf(InputError);
    const opensAt = new Date('2030-05-01T12:00:00Z');
    const closesAt = new Date('2030-06-01T12:00:00Z');
    await saveTopicCall(t.db, {
      editionId: edition.id,
      input: { opensAt, closesAt, noteEs: null, noteEn: null },
    });
    await expect(propose(new Date('2030-04-30T12:00:00Z'))).rejects.toBeInstanceOf(InputError);
    await expect(propose(closesAt)).rejects.toBeInstanceOf(InputError);
    const row = await propose(new Date('2030-05-15T12:00:00Z'));
    expect(row).toMatchObject({ status: 'proposed', origin: 'public', namePublic: false });
    // The committee may enter a topic whenever it likes.
    const committee = await buildTopic(t.db, {
      edition,
      origin: 'committee',
      stakeholderGroup: null,
      reason: null,
      proposerName: null,
    });
    expect(committee.origin).toBe('committee');
  });

  it('a visitor without an account proposes in Spanish; errors come back beside the fields, typed text kept', async () => {
    const edition = await openEdition();
    const visitor = createAgent(t);
    await visitor.get(`/e/${edition.slug}/topics/propose`);
    const bad = await visitor.post(`/e/${edition.slug}/topics/propose`, {
      title: 'Brecha digital rural',
      reason: 'corto',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('value="Brecha digital rural"');
    expect(html).toMatch(/id="f-reason-error">[^<]+</);
    expect(html).toMatch(/id="f-stakeholderGroup-error">[^<]+</);

    const ok = await visitor.post(`/e/${edition.slug}/topics/propose`, {
      title: 'Brecha digital rural',
      reason: 'Las comunidades rurales no tienen acceso asequible.',
      stakeholderGroup: 'academia',
      proposerName: 'Luis Gómez',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/e/${edition.slug}/topics`);
    const [row] = await t.db.select().from(topics).where(eq(topics.editionId, edition.id));
    expect(row).toMatchObject({ title: 'Brecha digital rural', lang: 'es', namePublic: false });
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
    expect(logged.map((l) => l.action)).toEqual(['topic.proposed']);
    // The public page counts it but never shows the name the proposer did not agree to publish.
    const page = await (await visitor.get(`/e/${edition.slug}/topics`)).text();
    expect(page).toContain('Propuestas recibidas en la convocatoria pública: 1.');
    expect(page).not.toContain('Luis Gómez');
  });

  it('drops what robots send through the honeypot', async () => {
    const edition = await openEdition();
    const res = await createAgent(t).post(`/e/${edition.slug}/topics/propose`, {
      title: 'Compre relojes baratos',
      reason: 'Visite nuestra tienda hoy mismo.',
      stakeholderGroup: 'private_sector',
      website: 'http://spam.example',
    });
    expect(res.status).toBe(422);
    expect(await t.db.select().from(topics).where(eq(topics.editionId, edition.id))).toEqual([]);
  });

  it('limits how many proposals one address sends', async () => {
    const edition = await openEdition();
    const agent = createAgent(t, { headers: { 'x-forwarded-for': '203.0.113.77' } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await agent.post(`/e/${edition.slug}/topics/propose`, {
        title: `Tema número ${i}`,
        reason: 'Una razón suficientemente larga.',
        stakeholderGroup: 'government',
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(10);
    expect(statuses).toContain(429);
  });

  it('refuses a call that closes before it opens, keeping what was typed', async () => {
    const edition = await buildEdition(t.db, { initiative });
    const agent = await signedInAgent(t, await voter());
    const res = await agent.post(`/i/${initiative.slug}/editions/${edition.slug}/topics/call`, {
      opensAt: '2030-06-01T10:00',
      closesAt: '2030-05-01T10:00',
      noteEs: 'El comité elige por votación.',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('El cierre debe ser posterior a la apertura.');
    expect(html).toContain('El comité elige por votación.');
  });
});

describe('the committee’s review', () => {
  it('shortlists, counts one vote per member, selects a track and shows the tally publicly', async () => {
    const edition = await openEdition();
    const topic = await buildTopic(t.db, { edition, proposerName: 'Marta', namePublic: true });
    const [a, b] = [await voter(), await voter()];
    const o = { editionId: edition.id, topicId: topic.id };
    await expect(setTopicVote(t.db, { ...o, userId: a.id, vote: true })).rejects.toBeInstanceOf(
      InputError,
    );
    await shortlistTopic(t.db, o);
    await expect(shortlistTopic(t.db, o)).rejects.toBeInstanceOf(InputError);
    await setTopicVote(t.db, { ...o, userId: a.id, vote: true });
    await setTopicVote(t.db, { ...o, userId: a.id, vote: true });
    await setTopicVote(t.db, { ...o, userId: b.id, vote: true });
    let [row] = await listTopics(t.db, { editionId: edition.id, userId: a.id });
    expect(row).toMatchObject({ votes: 2, myVote: true });
    await setTopicVote(t.db, { ...o, userId: b.id, vote: false });
    [row] = await listTopics(t.db, { editionId: edition.id, userId: b.id });
    expect(row).toMatchObject({ votes: 1, myVote: false });

    await selectTopic(t.db, { ...o, trackName: 'Neutralidad de la red' });
    expect(await listTracks(t.db, edition.id)).toEqual(['Neutralidad de la red']);
    const shown = await publicTopics(t.db, edition.id);
    expect(shown.selected).toEqual([
      expect.objectContaining({ title: 'Neutralidad de la red', votes: 1, proposer: 'Marta' }),
    ]);
    expect(shown.byGroup).toEqual([{ group: 'civil_society', count: 1 }]);
    const html = await (await createAgent(t).get(`/e/${edition.slug}/topics`)).text();
    expect(html).toContain('Votos del comité: 1');
    expect(html).toContain('Propuesto por Marta');

    // The proposer asks to be forgotten: the name goes, the topic and its tally stay.
    const committee = await signedInAgent(t, a);
    const path = `/i/${initiative.slug}/editions/${edition.slug}/topics/${topic.id}`;
    expect((await committee.post(`${path}/forget-proposer`)).status).toBe(303);
    const [after] = await t.db.select().from(topics).where(eq(topics.id, topic.id));
    expect(after).toMatchObject({ proposerName: null, namePublic: false, status: 'selected' });
    const again = await (await createAgent(t).get(`/e/${edition.slug}/topics`)).text();
    expect(again).not.toContain('Marta');
    expect(again).toContain('Votos del comité: 1');
  });

  it('refuses a second track with the same name, whatever the letter case', async () => {
    const edition = await openEdition();
    const ids = [];
    for (const title of ['Datos personales', 'Protección de datos']) {
      const topic = await buildTopic(t.db, { edition, title, status: 'shortlisted' });
      ids.push(topic.id);
    }
    await selectTopic(t.db, { editionId: edition.id, topicId: ids[0]!, trackName: 'Datos' });
    const second = selectTopic(t.db, {
      editionId: edition.id,
      topicId: ids[1]!,
      trackName: 'DATOS',
    });
    await expect(second).rejects.toMatchObject({
      fields: { trackName: { key: 'topics.select.trackTaken' } },
    });
  });

  it('two members selecting different topics under one track name at once: exactly one wins', async () => {
    const edition = await openEdition();
    const ids: string[] = [];
    for (const title of ['Gobernanza de datos', 'Datos abiertos']) {
      const topic = await buildTopic(t.db, { edition, title, status: 'shortlisted' });
      ids.push(topic.id);
    }
    const results = await Promise.allSettled(
      ids.map((topicId) =>
        selectTopic(t.db, { editionId: edition.id, topicId, trackName: 'Datos' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(InputError);
    expect(await listTracks(t.db, edition.id)).toEqual(['Datos']);
  });

  it('one member voting twice at once still counts once', async () => {
    const edition = await openEdition();
    const topic = await buildTopic(t.db, { edition });
    const o = { editionId: edition.id, topicId: topic.id };
    await shortlistTopic(t.db, o);
    const member = await voter();
    await Promise.all(
      [1, 2, 3].map(() => setTopicVote(t.db, { ...o, userId: member.id, vote: true })),
    );
    const [row] = await listTopics(t.db, { editionId: edition.id });
    expect(row!.votes).toBe(1);
  });

  it('merges a duplicate: its votes move once, it points at the topic it joined', async () => {
    const edition = await openEdition();
    const make = async (title: string) => {
      const topic = await buildTopic(t.db, { edition, title, status: 'shortlisted' });
      return topic;
    };
    const original = await make('Niñez en internet');
    const duplicate = await make('Niñas y niños en línea');
    const [a, b] = [await voter(), await voter()];
    for (const user of [a, b])
      await setTopicVote(t.db, {
        editionId: edition.id,
        topicId: duplicate.id,
        userId: user.id,
        vote: true,
      });
    await setTopicVote(t.db, {
      editionId: edition.id,
      topicId: original.id,
      userId: a.id,
      vote: true,
    });
    await expect(
      mergeTopic(t.db, { editionId: edition.id, topicId: duplicate.id, intoId: duplicate.id }),
    ).rejects.toBeInstanceOf(InputError);
    await mergeTopic(t.db, { editionId: edition.id, topicId: duplicate.id, intoId: original.id });
    const rows = await listTopics(t.db, { editionId: edition.id });
    expect(rows.find((r) => r.id === original.id)).toMatchObject({ votes: 2 });
    expect(rows.find((r) => r.id === duplicate.id)).toMatchObject({
      status: 'merged',
      mergedInto: original.id,
      votes: 0,
    });
    expect(
      await t.db.select().from(topicVotes).where(eq(topicVotes.topicId, duplicate.id)),
    ).toEqual([]);
  });

  it('rejects with a reason shown publicly; a rejected topic can no longer be voted on', async () => {
    const edition = await openEdition();
    const topic = await buildTopic(t.db, { edition, title: 'Criptomonedas para todos' });
    const o = { editionId: edition.id, topicId: topic.id };
    await rejectTopic(t.db, { ...o, reason: 'Cubierto por el eje de pagos electrónicos' });
    await expect(
      setTopicVote(t.db, { ...o, userId: (await voter()).id, vote: true }),
    ).rejects.toBeInstanceOf(InputError);
    const html = await (await createAgent(t).get(`/e/${edition.slug}/topics`)).text();
    expect(html).toContain('Motivo: Cubierto por el eje de pagos electrónicos');
  });

  it('deletes spam not yet reviewed (it vanishes from the counts) but never a decided topic', async () => {
    const edition = await openEdition();
    const make = (title: string) =>
      proposeTopic(t.db, {
        editionId: edition.id,
        origin: 'public',
        lang: 'es',
        input: proposal({ title }),
      });
    const spam = await make('Compre relojes baratos');
    const kept = await make('Inclusión digital');
    await shortlistTopic(t.db, { editionId: edition.id, topicId: kept.id });
    const agent = await signedInAgent(t, await voter());
    const base = `/i/${initiative.slug}/editions/${edition.slug}/topics`;
    expect((await agent.post(`${base}/${spam.id}/delete`)).status).toBe(303);
    const refused = await agent.post(`${base}/${kept.id}/delete`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(
      'Solo se borran propuestas que el comité todavía no revisó.',
    );
    const shown = await publicTopics(t.db, edition.id);
    expect(shown.proposals).toBe(1);
    expect(shown.shortlisted.map((x) => x.title)).toEqual(['Inclusión digital']);
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.targetId, spam.id));
    expect(logged.map((l) => l.action)).toEqual(['topic.deleted']);
  });

  it('an organiser shortlists, votes and selects through the pages, each step audit-logged', async () => {
    const edition = await openEdition();
    const topic = await buildTopic(t.db, { edition, title: 'Pagos electrónicos seguros' });
    const agent = await signedInAgent(t, await voter());
    const base = `/i/${initiative.slug}/editions/${edition.slug}/topics/${topic.id}`;
    expect((await agent.post(`${base}/vote`, { vote: 'yes' })).status).toBe(422);
    expect((await agent.post(`${base}/shortlist`)).status).toBe(303);
    expect((await agent.post(`${base}/vote`, { vote: 'yes' })).status).toBe(303);
    const tooLong = await agent.post(`${base}/select`, { trackName: 'x'.repeat(101) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('x'.repeat(101));
    expect((await agent.post(`${base}/select`, { trackName: 'Pagos electrónicos' })).status).toBe(
      303,
    );
    const page = await (await agent.get(base)).text();
    expect(page).toContain('data-testid="track-name">Pagos electrónicos<');
    const added = await agent.post(`/i/${initiative.slug}/editions/${edition.slug}/topics/new`, {
      title: 'Red',
      reason: 'Acordado en la reunión del comité.',
    });
    expect(added.status).toBe(422);
    const kept = await added.text();
    expect(kept).toContain('value="Red"');
    expect(kept).toContain('Acordado en la reunión del comité.');
    expect(kept).toMatch(/id="f-title-error">[^<]+</);
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.targetId, topic.id));
    expect(logged.map((l) => l.action).sort()).toEqual([
      'topic.selected',
      'topic.shortlisted',
      'topic.vote_cast',
    ]);
  });
});

describe('tracks in the session form', () => {
  it('offers the edition’s tracks as a choice and keeps a session’s older free-text topic', async () => {
    const edition = await openEdition();
    const event = await buildEvent(t.db, { edition });
    const agent = await signedInAgent(t, await voter());
    const manage = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
    // No tracks yet: the free-text field as before.
    const before = await (await agent.get(`${manage}/sessions/new`)).text();
    expect(before).toMatch(/<input id="f-topic" name="topic" type="text"/);

    const topic = await buildTopic(t.db, {
      edition,
      title: 'Neutralidad de la red en Guatemala',
      status: 'shortlisted',
    });
    await selectTopic(t.db, {
      editionId: edition.id,
      topicId: topic.id,
      trackName: 'Neutralidad de la red',
    });
    const form = await (await agent.get(`${manage}/sessions/new`)).text();
    expect(form).toMatch(/<select id="f-topic" name="topic"/);
    expect(form).toContain('<option value="Neutralidad de la red">Neutralidad de la red</option>');

    const old = await buildSession(t.db, { initiative, event, topic: 'Tema libre de antes' });
    const edit = await (await agent.get(`${manage}/sessions/${old}/edit`)).text();
    expect(edit).toContain(
      '<option value="Tema libre de antes" selected="">Tema libre de antes (no es un eje de la edición)</option>',
    );
    const [session] = await t.db
      .select({ topic: programmeSessions.topic })
      .from(programmeSessions)
      .where(eq(programmeSessions.id, old));
    expect(session!.topic).toBe('Tema libre de antes');
  });
});

describe('the topics API description', () => {
  it('lists every topics route in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    const base = '/api/v1/initiatives/{slug}/editions/{edition}';
    expect(Object.keys(doc.paths[`${base}/topics`])).toEqual(['get', 'post']);
    for (const action of ['shortlist', 'reject', 'merge', 'select', 'unselect'])
      expect(doc.paths[`${base}/topics/{topic}/${action}`]).toHaveProperty('post');
    expect(Object.keys(doc.paths[`${base}/topics/{topic}/vote`]).sort()).toEqual([
      'delete',
      'post',
    ]);
    expect(doc.paths[`${base}/topics/{topic}`]).toHaveProperty('delete');
    expect(Object.keys(doc.paths[`${base}/topic-call`]).sort()).toEqual(['get', 'put']);
    expect(doc.components.schemas.Topic.properties).toHaveProperty('votes');
  });
});
