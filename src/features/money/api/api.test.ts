import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../../tests/support/api-call';
import { buildInitiative, buildMember, buildUser } from '../../../../tests/support/factories';
import { buildMoney, PDF_BYTES } from '../../../../tests/support/money-factories';
import { buildInstitution } from '../../../../tests/support/network-factories';
import { buildEdition } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { User } from '../../../core/accounts/schema';
import type { TokenScope } from '../../../core/api-tokens/schema';
import { auditLog } from '../../../core/audit/schema';
import type { Initiative, MemberRole } from '../../../core/initiatives/schema';
import type { Edition } from '../../programme/schema';
import { contributionEntries } from '../schema';

let t: TestApp;
let a: Initiative;
let edition: Edition;
let base: string;
let donorId: string;
let ids: Awaited<ReturnType<typeof buildMoney>>;
const users = new Map<string, User>();

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  for (const role of ['coordinator', 'organiser', 'moderator', 'volunteer', 'finance'] as const)
    users.set(role, await buildMember(t.db, { initiative: a, role }));
  users.set('admin', await buildUser(t.db, { isAdmin: true }));
  users.set('user', await buildUser(t.db));
  users.set('otherCoordinator', await buildMember(t.db, { initiative: b, role: 'coordinator' }));
  users.set('otherFinance', await buildMember(t.db, { initiative: b, role: 'finance' }));
  users.set(
    'expiredFinance',
    await buildMember(t.db, {
      initiative: a,
      role: 'finance',
      expiresAt: new Date(Date.now() - 86_400_000),
    }),
  );
  edition = await buildEdition(t.db, { initiative: a });
  donorId = (await buildInstitution(t.db)).id;
  ids = await buildMoney(t.db, { edition, institutionId: donorId });
  base = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/money`;
});
afterAll(() => t.close());

const rw: TokenScope[] = ['money:read', 'money:write'];

describe('who gets money from the API', () => {
  const reads = () => [
    `${base}/balances`,
    `${base}/budget-lines`,
    `${base}/contributions`,
    `${base}/contributions/${ids.contribution}`,
    `${base}/expenses`,
    `${base}/expenses/${ids.expense}/receipt`,
    `${base}/donors/${donorId}`,
  ];
  const allowed = new Set(['coordinator', 'finance', 'admin']);
  const roles: (
    MemberRole | 'admin' | 'user' | 'otherCoordinator' | 'otherFinance' | 'expiredFinance'
  )[] = [
    'coordinator',
    'organiser',
    'moderator',
    'volunteer',
    'finance',
    'admin',
    'user',
    'otherCoordinator',
    'otherFinance',
    'expiredFinance',
  ];

  it.each(roles)('reads as %s', async (role) => {
    for (const url of reads()) {
      const res = await apiCall(t, users.get(role)!, ['money:read'], url);
      expect([url, res.status]).toEqual([url, allowed.has(role) ? 200 : 403]);
      if (!allowed.has(role)) expect(await res.text()).not.toContain('Sede');
    }
  });

  it.each(roles)('writes as %s', async (role) => {
    const res = await apiCall(
      t,
      users.get(role)!,
      ['money:write'],
      `${base}/budget-lines`,
      'POST',
      {
        activity: 'Foro',
        name: `Línea de ${role}`,
        currency: 'USD',
        amountMinor: 1000,
      },
    );
    expect(res.status).toBe(allowed.has(role) ? 201 : 403);
  });

  it('refuses anyone without a token, and a token without the scope even to the coordinator', async () => {
    for (const url of reads()) {
      expect((await apiCall(t, null, [], url)).status).toBe(401);
      const wrong = await apiCall(
        t,
        users.get('coordinator')!,
        ['programme:read', 'money:write'],
        url,
      );
      expect(wrong.status).toBe(403);
    }
    const anonymousWrite = await apiCall(t, null, [], `${base}/expenses`, 'POST', {
      budgetLineId: ids.line,
      spentOn: '2018-10-25',
      payee: 'Nadie',
      amountMinor: 100,
    });
    expect(anonymousWrite.status).toBe(401);
    const readOnly = await apiCall(
      t,
      users.get('finance')!,
      ['money:read'],
      `${base}/budget-lines`,
      'POST',
      {
        activity: 'Foro',
        name: 'Sin permiso de escritura',
        currency: 'USD',
        amountMinor: 1000,
      },
    );
    expect(readOnly.status).toBe(403);
  });

  it('answers "not found" for an edition of another initiative', async () => {
    const other = await buildEdition(t.db, { initiative: await buildInitiative(t.db) });
    const res = await apiCall(
      t,
      users.get('finance')!,
      ['money:read'],
      `/api/v1/initiatives/${a.slug}/editions/${other.slug}/money/balances`,
    );
    expect(res.status).toBe(404);
  });
});

describe('the money API', () => {
  it('pledges, receives, corrects (a new entry), and reports balances per currency', async () => {
    const finance = users.get('finance')!;
    const edition2 = await buildEdition(t.db, { initiative: a });
    const url = `/api/v1/initiatives/${a.slug}/editions/${edition2.slug}/money`;
    const pledged = await apiCall(t, finance, rw, `${url}/contributions/pledges`, 'POST', {
      institutionId: donorId,
      currency: 'USD',
      amountMinor: 250_000,
      pledgedOn: '2018-09-01',
      acknowledged: true,
      sponsorLevel: 'sponsor',
    });
    expect(pledged.status).toBe(201);
    const pledge = await pledged.json();
    expect(pledge).toMatchObject({ status: 'pledged', amountMinor: 250_000, receivedMinor: 0 });

    const early = await apiCall(
      t,
      finance,
      rw,
      `${url}/contributions/${pledge.id}/correction`,
      'POST',
      {
        amountMinor: 1,
        note: 'Demasiado pronto',
      },
    );
    expect(early.status).toBe(422);
    expect((await early.json()).error.fields.amountMinor).toBeTruthy();

    const received = await apiCall(
      t,
      finance,
      rw,
      `${url}/contributions/${pledge.id}/receipt`,
      'POST',
      {
        receivedOn: '2018-10-01',
        amountMinor: 240_000,
      },
    );
    expect(received.status).toBe(200);
    expect(await received.json()).toMatchObject({ status: 'received', receivedMinor: 240_000 });

    const corrected = await apiCall(
      t,
      finance,
      rw,
      `${url}/contributions/${pledge.id}/correction`,
      'POST',
      { amountMinor: 250_000, note: 'Comisión bancaria devuelta' },
    );
    expect(corrected.status).toBe(200);
    const detail = await corrected.json();
    expect(detail.receivedMinor).toBe(250_000);
    expect(
      detail.entries.map((e: { kind: string; amountMinor: number }) => [e.kind, e.amountMinor]),
    ).toEqual([
      ['receipt', 240_000],
      ['correction', 10_000],
    ]);
    const stored = await t.db
      .select()
      .from(contributionEntries)
      .where(eq(contributionEntries.contributionId, pledge.id));
    expect(stored).toHaveLength(2);

    const inKind = await apiCall(t, finance, rw, `${url}/contributions/in-kind`, 'POST', {
      institutionId: donorId,
      description: 'Sede y equipo',
      currency: 'USD',
      amountMinor: 39_300,
    });
    expect(inKind.status).toBe(201);
    const gtq = await apiCall(t, finance, rw, `${url}/contributions/pledges`, 'POST', {
      institutionId: donorId,
      currency: 'GTQ',
      amountMinor: 100_000,
      pledgedOn: '2018-09-02',
    });
    const gtqPledge = await gtq.json();
    const cancelled = await apiCall(
      t,
      finance,
      rw,
      `${url}/contributions/${gtqPledge.id}/cancel`,
      'POST',
      {
        note: 'El donante se retiró',
      },
    );
    expect((await cancelled.json()).status).toBe('cancelled');

    const balances = await (await apiCall(t, finance, ['money:read'], `${url}/balances`)).json();
    expect(balances).toEqual([
      expect.objectContaining({ currency: 'GTQ', pledged: 0, received: 0, outstanding: 0 }),
      expect.objectContaining({
        currency: 'USD',
        pledged: 250_000,
        received: 250_000,
        outstanding: 0,
        inKind: 39_300,
      }),
    ]);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, pledge.id));
    expect(actions.map((x) => x.action).sort()).toEqual([
      'money.pledge_recorded',
      'money.receipt_corrected',
      'money.receipt_recorded',
    ]);
  });

  it('refuses an expense from a restricted donor on another line, with a message on the field', async () => {
    const coordinator = users.get('coordinator')!;
    const line = await (
      await apiCall(t, coordinator, rw, `${base}/budget-lines`, 'POST', {
        activity: 'Desayuno',
        name: 'Comida',
        currency: 'USD',
        amountMinor: 20_000,
      })
    ).json();
    const res = await apiCall(t, coordinator, rw, `${base}/expenses`, 'POST', {
      budgetLineId: line.id,
      contributionId: ids.contribution,
      spentOn: '2018-09-19',
      payee: 'Cafetería',
      amountMinor: 5_000,
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.contributionId).toContain('Sede');

    const ok = await apiCall(t, coordinator, rw, `${base}/expenses`, 'POST', {
      budgetLineId: ids.line,
      contributionId: ids.contribution,
      spentOn: '2018-10-25',
      payee: 'UNIS',
      amountMinor: 5_000,
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      amountMinor: 5_000,
      donor: expect.any(String),
      hasReceipt: false,
    });
  });

  it('hands out a receipt file and a donor statement', async () => {
    const finance = users.get('finance')!;
    const file = await apiCall(
      t,
      finance,
      ['money:read'],
      `${base}/expenses/${ids.expense}/receipt`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF_BYTES);
    const statement = await (
      await apiCall(t, finance, ['money:read'], `${base}/donors/${donorId}`)
    ).json();
    expect(statement.donor.id).toBe(donorId);
    expect(statement.cash.map((c: { id: string }) => c.id)).toContain(ids.contribution);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.includes('/money'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{slug}/editions/{edition}/money/balances',
        '/api/v1/initiatives/{slug}/editions/{edition}/money/contributions/pledges',
        '/api/v1/initiatives/{slug}/editions/{edition}/money/contributions/{contribution}/correction',
        '/api/v1/initiatives/{slug}/editions/{edition}/money/expenses',
        '/api/v1/initiatives/{slug}/editions/{edition}/money/donors/{institution}',
      ]),
    );
  });
});
