import { eq } from 'drizzle-orm';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, buildUser } from '../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../tests/support/network-factories';
import { apiCall } from '../../../tests/support/api-call';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { User } from '../../core/accounts/schema';

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
    const res = await apiCall(t, organiser, ['network:read'], '/api/v1/institutions?q=camara');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toContain(
      'Cámara de Comercio de Guatemala',
    );

    const denied = await apiCall(t, organiser, ['network:read'], '/api/v1/institutions', 'POST', {
      name: 'X',
      stakeholderGroup: 'academia',
    });
    expect(denied.status).toBe(403);
    const bad = await apiCall(t, organiser, ['network:write'], '/api/v1/institutions', 'POST', {
      name: '',
      stakeholderGroup: 'nope',
      country: 'XX',
    });
    expect(bad.status).toBe(422);
    const errors = (await bad.json()).error.fields;
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(['name', 'stakeholderGroup', 'country']),
    );
    const created = await apiCall(t, organiser, ['network:write'], '/api/v1/institutions', 'POST', {
      name: 'Refugio de la Niñez',
      stakeholderGroup: 'civil_society',
      country: 'gt',
    });
    expect(created.status).toBe(201);
    expect((await created.json()).country).toBe('GT');
  });

  it('refuses accounts that organise nothing, and tokens without the scope', async () => {
    const nobody = await buildUser(t.db);
    expect((await apiCall(t, nobody, ['network:read'], '/api/v1/institutions')).status).toBe(403);
    expect((await apiCall(t, organiser, ['profile:read'], '/api/v1/institutions')).status).toBe(
      403,
    );
    expect((await t.app.request('/api/v1/institutions')).status).toBe(401);
  });

  it("shows people only to their initiative's organisers, and audits each read", async () => {
    const person = await buildPerson(t.db, {
      initiative: a,
      name: 'Karen Revolorio',
      email: `karen-${a.slug}@example.org`,
    });
    const list = await apiCall(
      t,
      organiser,
      ['network:read'],
      `/api/v1/initiatives/${a.slug}/people?q=revolorio`,
    );
    expect((await list.json()).items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const one = await apiCall(
      t,
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
        await apiCall(
          t,
          otherOrganiser,
          ['network:read'],
          `/api/v1/initiatives/${a.slug}/people/${person.id}`,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await apiCall(
          t,
          otherOrganiser,
          ['network:read'],
          `/api/v1/initiatives/${b.slug}/people/${person.id}`,
        )
      ).status,
    ).toBe(404);
    const volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
    expect(
      (await apiCall(t, volunteer, ['network:read'], `/api/v1/initiatives/${a.slug}/people`))
        .status,
    ).toBe(403);
  });

  it('adds a person and refuses an e-mail already in the network', async () => {
    const path = `/api/v1/initiatives/${a.slug}/people`;
    const first = await apiCall(t, organiser, ['network:write'], path, 'POST', {
      name: 'Jorge Utrera',
      email: `jorge-${a.slug}@example.org`,
    });
    expect(first.status).toBe(201);
    const again = await apiCall(t, organiser, ['network:write'], path, 'POST', {
      name: 'Jorge U.',
      email: `JORGE-${a.slug}@example.org`,
    });
    expect(again.status).toBe(422);
    expect((await again.json()).error.fields.email).toContain('ya pertenece');
  });
});
