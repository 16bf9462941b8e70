import { eq } from 'drizzle-orm';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, buildUser } from '../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createApiToken } from '../api-tokens/tokens';
import type { TokenScope } from '../api-tokens/schema';
import { auditLog } from '../audit/schema';
import type { Initiative } from '../initiatives/schema';
import type { User } from '../accounts/schema';

let t: TestApp;
let a: Initiative;
let b: Initiative;
let organiser: User;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  b = await buildInitiative(t.db);
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
});
afterAll(() => t.close());

async function call(user: User, scopes: TokenScope[], path: string, init: RequestInit = {}) {
  const { secret } = await createApiToken(t.db, { userId: user.id, name: 'test', scopes, days: 1 });
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${secret}`);
  if (init.body) headers.set('content-type', 'application/json');
  return t.app.request(path, { ...init, headers });
}

describe('network API', () => {
  it('is described by a valid OpenAPI 3.1 document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/institutions',
        '/api/v1/institutions/{id}',
        '/api/v1/initiatives/{slug}/people',
        '/api/v1/initiatives/{slug}/people/{id}',
      ]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('searches institutions without accents and creates one', async () => {
    await buildInstitution(t.db, {
      name: 'Cámara de Comercio de Guatemala',
      stakeholderGroup: 'private_sector',
    });
    const res = await call(organiser, ['network:read'], '/api/v1/institutions?q=camara');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toContain(
      'Cámara de Comercio de Guatemala',
    );

    const denied = await call(organiser, ['network:read'], '/api/v1/institutions', {
      method: 'POST',
      body: JSON.stringify({ name: 'X', stakeholderGroup: 'academia' }),
    });
    expect(denied.status).toBe(403);
    const bad = await call(organiser, ['network:write'], '/api/v1/institutions', {
      method: 'POST',
      body: JSON.stringify({ name: '', stakeholderGroup: 'nope', country: 'XX' }),
    });
    expect(bad.status).toBe(422);
    const errors = (await bad.json()).error.fields;
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['name', 'stakeholderGroup', 'country']),
    );
    const created = await call(organiser, ['network:write'], '/api/v1/institutions', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Refugio de la Niñez',
        stakeholderGroup: 'civil_society',
        country: 'gt',
      }),
    });
    expect(created.status).toBe(201);
    expect((await created.json()).country).toBe('GT');
  });

  it('refuses accounts that organise nothing, and tokens without the scope', async () => {
    const nobody = await buildUser(t.db);
    expect((await call(nobody, ['network:read'], '/api/v1/institutions')).status).toBe(403);
    expect((await call(organiser, ['profile:read'], '/api/v1/institutions')).status).toBe(403);
    expect((await t.app.request('/api/v1/institutions')).status).toBe(401);
  });

  it("shows people only to their initiative's organisers, and audits each read", async () => {
    const person = await buildPerson(t.db, {
      initiative: a,
      name: 'Karen Revolorio',
      email: `karen-${a.slug}@example.org`,
    });
    const list = await call(
      organiser,
      ['network:read'],
      `/api/v1/initiatives/${a.slug}/people?q=revolorio`,
    );
    expect((await list.json()).items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const one = await call(
      organiser,
      ['network:read'],
      `/api/v1/initiatives/${a.slug}/people/${person.id}`,
    );
    expect(one.status).toBe(200);
    expect((await one.json()).emails).toEqual([
      { email: `karen-${a.slug}@example.org`, primary: true },
    ]);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'person.viewed'));
    expect(audited.some((e) => e.targetId === person.id)).toBe(true);

    const otherOrganiser = await buildMember(t.db, { initiative: b, role: 'coordinator' });
    expect(
      (
        await call(
          otherOrganiser,
          ['network:read'],
          `/api/v1/initiatives/${a.slug}/people/${person.id}`,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          otherOrganiser,
          ['network:read'],
          `/api/v1/initiatives/${b.slug}/people/${person.id}`,
        )
      ).status,
    ).toBe(404);
    const volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
    expect(
      (await call(volunteer, ['network:read'], `/api/v1/initiatives/${a.slug}/people`)).status,
    ).toBe(403);
  });

  it('adds a person and refuses an e-mail already in the network', async () => {
    const path = `/api/v1/initiatives/${a.slug}/people`;
    const first = await call(organiser, ['network:write'], path, {
      method: 'POST',
      body: JSON.stringify({ name: 'Jorge Utrera', email: `jorge-${a.slug}@example.org` }),
    });
    expect(first.status).toBe(201);
    const again = await call(organiser, ['network:write'], path, {
      method: 'POST',
      body: JSON.stringify({ name: 'Jorge U.', email: `JORGE-${a.slug}@example.org` }),
    });
    expect(again.status).toBe(422);
    expect((await again.json()).error.fields.email).toContain('ya pertenece');
  });
});
