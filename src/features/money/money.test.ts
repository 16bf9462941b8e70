import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { buildInstitution } from '../../../tests/support/network-factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createLogger } from '../../lib/log';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition } from '../programme/schema';
import { contributionEntries, contributions } from './schema';

let t: TestApp;
let initiative: Initiative;
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp({ log: createLogger('error') });
  initiative = await buildInitiative(t.db);
  agent = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'finance' }));
});
afterAll(() => t.close());

async function setUp() {
  const edition: Edition = await buildEdition(t.db, { initiative });
  const base = `/i/${initiative.slug}/editions/${edition.slug}/money`;
  await agent.get(base);
  return { edition, base };
}

const lastAudit = async () =>
  (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe('pledges and receipts', () => {
  it('records a pledge, then its receipt; balances move from pledged to received', async () => {
    const { base } = await setUp();
    const donor = await buildInstitution(t.db, { name: 'Internet Society' });
    const res = await agent.post(`${base}/pledges`, {
      institutionId: donor.id,
      currency: 'USD',
      amount: '3,500.00',
      pledgedOn: '2018-08-01',
      acknowledged: 'on',
      sponsorLevel: 'sponsor',
    });
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!;
    expect((await lastAudit()).action).toBe('money.pledge_recorded');
    let page = await (await agent.get(base)).text();
    expect(page).toContain('Comprometido, no recibido');
    expect(page).toMatch(/data-balance="outstanding">USD\s3,500\.00/);
    const receipt = await agent.post(`${path}/receipt`, { receivedOn: '2018-09-10', amount: '' });
    expect(receipt.status).toBe(303);
    expect((await lastAudit()).action).toBe('money.receipt_recorded');
    page = await (await agent.get(base)).text();
    expect(page).toMatch(/data-balance="received">USD\s3,500\.00/);
    expect(page).toMatch(/data-balance="outstanding">USD\s0\.00/);
    const again = await agent.post(`${path}/receipt`, { receivedOn: '2018-09-11', amount: '' });
    expect(again.status).toBe(422);
  });

  it('cancels a pledge with a reason; it no longer counts as pledged', async () => {
    const { base } = await setUp();
    const donor = await buildInstitution(t.db, { name: 'Google' });
    const res = await agent.post(`${base}/pledges`, {
      institutionId: donor.id,
      currency: 'USD',
      amount: '2500',
      pledgedOn: '2018-08-01',
    });
    const path = res.headers.get('location')!;
    expect((await agent.post(`${path}/cancel`, { note: '' })).status).toBe(422);
    expect((await agent.post(`${path}/cancel`, { note: 'Retirado' })).status).toBe(303);
    expect((await lastAudit()).action).toBe('money.pledge_cancelled');
    const page = await (await agent.get(base)).text();
    expect(page).toMatch(/data-balance="pledged">USD\s0\.00/);
    expect(await (await agent.get(path)).text()).toContain('Cancelado');
  });

  it('keeps what was typed and explains a bad amount beside the field', async () => {
    const { base } = await setUp();
    const donor = await buildInstitution(t.db);
    const res = await agent.post(`${base}/pledges?lang=en`, {
      institutionId: donor.id,
      currency: 'USD',
      amount: '12.345',
      pledgedOn: '2018-08-01',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="12.345"');
    expect(html).toContain('Enter a positive amount');
    await agent.get('/?lang=es');
  });
});

describe('corrections', () => {
  it('a correction is a new entry beside the original, and the ledger refuses edits', async () => {
    const { base } = await setUp();
    const donor = await buildInstitution(t.db);
    const path = (
      await agent.post(`${base}/pledges`, {
        institutionId: donor.id,
        currency: 'USD',
        amount: '2000',
        pledgedOn: '2018-08-01',
      })
    ).headers.get('location')!;
    await agent.post(`${path}/receipt`, { receivedOn: '2018-09-10', amount: '2000' });
    const res = await agent.post(`${path}/correction`, {
      amount: '1950',
      note: 'Comisión bancaria',
    });
    expect(res.status).toBe(303);
    expect((await lastAudit()).action).toBe('money.receipt_corrected');
    const id = path.split('/').pop()!;
    const entries = await t.db
      .select()
      .from(contributionEntries)
      .where(eq(contributionEntries.contributionId, id))
      .orderBy(contributionEntries.id);
    expect(entries.map((e) => [e.kind, e.amountMinor])).toEqual([
      ['receipt', 200000],
      ['correction', -5000],
    ]);
    expect(entries[1]!.corrects).toBe(entries[0]!.id);
    const html = await (await agent.get(path)).text();
    expect(html).toContain('Recepción');
    expect(html).toContain('Comisión bancaria');
    expect(html).toMatch(/data-received="true">USD\s1,950\.00/);
    await expect(
      t.db
        .update(contributionEntries)
        .set({ amountMinor: 1 })
        .where(eq(contributionEntries.id, entries[0]!.id)),
    ).rejects.toThrow();
    await expect(
      t.db.delete(contributionEntries).where(eq(contributionEntries.id, entries[0]!.id)),
    ).rejects.toThrow();
    // deleting the contribution itself (e.g. with its edition) still cascades
    await expect(t.db.delete(contributions).where(eq(contributions.id, id))).resolves.toBeDefined();
  });
});

describe('reports', () => {
  it('exports CSV and XLSX and writes each export to the audit log; shows a donor statement', async () => {
    const { base } = await setUp();
    const donor = await buildInstitution(t.db, { name: 'SISAP' });
    const path = (
      await agent.post(`${base}/pledges`, {
        institutionId: donor.id,
        currency: 'USD',
        amount: '500',
        pledgedOn: '2018-08-01',
      })
    ).headers.get('location')!;
    await agent.post(`${path}/receipt`, { receivedOn: '2018-09-10', amount: '' });
    const csv = await agent.get(`${base}/export/csv`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('SISAP');
    expect(text).toContain('500.00');
    expect((await lastAudit()).action).toBe('money.exported');
    const xlsx = await agent.get(`${base}/export/xlsx`);
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
    const last = await lastAudit();
    expect([last.action, (last.data as { format: string }).format]).toEqual([
      'money.exported',
      'xlsx',
    ]);
    const statement = await agent.get(`${base}/donors/${donor.id}`);
    expect(statement.status).toBe(200);
    expect(await statement.text()).toMatch(/data-balance="received">USD\s500\.00/);
  });
});
