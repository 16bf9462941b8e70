import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../tests/support/factories';
import { PDF_BYTES } from '../../../tests/support/money-factories';
import { buildInstitution } from '../../../tests/support/network-factories';
import { buildEdition } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Initiative } from '../../core/initiatives/schema';
import { MAX_RECEIPT_BYTES, sniffReceiptType } from './receipt-file';
import { budgetLines, expenses } from './schema';
import { eq } from 'drizzle-orm';

let t: TestApp;
let initiative: Initiative;
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  agent = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'coordinator' }));
});
afterAll(() => t.close());

/** An edition with lines Sede and Catering, IGFSA's money restricted to Sede, ISOC's unrestricted. */
async function setUp() {
  const edition = await buildEdition(t.db, { initiative });
  const base = `/i/${initiative.slug}/editions/${edition.slug}/money`;
  await agent.get(base);
  for (const name of ['Sede', 'Catering'])
    await agent.post(`${base}/lines`, { activity: 'Foro', name, currency: 'USD', amount: '1000' });
  const lines = await t.db.select().from(budgetLines).where(eq(budgetLines.editionId, edition.id));
  const sede = lines.find((l) => l.name === 'Sede')!;
  const catering = lines.find((l) => l.name === 'Catering')!;
  const pledge = async (name: string, restrict: string[]) => {
    const donor = await buildInstitution(t.db, { name });
    const path = (
      await agent.post(`${base}/pledges`, {
        institutionId: donor.id,
        currency: 'USD',
        amount: '500',
        pledgedOn: '2018-08-01',
        lines: restrict,
      })
    ).headers.get('location')!;
    await agent.post(`${path}/receipt`, { receivedOn: '2018-09-01', amount: '' });
    return path.split('/').pop()!;
  };
  const igfsa = await pledge('IGF Support Association', [sede.id]);
  const isoc = await pledge('Internet Society', []);
  return { edition, base, sede, catering, igfsa, isoc };
}

function expenseForm(fields: Record<string, string>, file?: File) {
  const form = new FormData();
  form.set('_csrf', agent.csrfToken());
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('receipt', file);
  return form;
}
const post = (base: string, form: FormData, lang = 'es') =>
  agent.request(`${base}/expenses?lang=${lang}`, { method: 'POST', body: form });

describe('expenses and restricted funds', () => {
  it('refuses an expense on a line the donor did not fund, with the message beside the field, in es and en', async () => {
    const { base, catering, igfsa } = await setUp();
    const fields = {
      budgetLineId: catering.id,
      contributionId: igfsa,
      spentOn: '2018-10-20',
      payee: 'Cafetería',
      amount: '100',
    };
    const es = await post(base, expenseForm(fields));
    expect(es.status).toBe(422);
    const html = await es.text();
    expect(html).toMatch(
      /id="f-contributionId-error">El dinero de IGF Support Association solo puede pagar: Sede\. No puede pagar «Catering»/,
    );
    expect(html).toContain('value="Cafetería"');
    const en = await post(base, expenseForm(fields), 'en');
    expect(await en.text()).toContain('IGF Support Association’s money may pay only for: Sede.');
    await agent.get('/?lang=es');
    expect(
      await t.db.select().from(expenses).where(eq(expenses.budgetLineId, catering.id)),
    ).toEqual([]);
  });

  it('accepts the same expense from the right donor or from unrestricted money, with a PDF receipt', async () => {
    const { base, sede, catering, igfsa, isoc } = await setUp();
    const ok1 = await post(
      base,
      expenseForm(
        {
          budgetLineId: sede.id,
          contributionId: igfsa,
          spentOn: '2018-10-20',
          payee: 'UNIS',
          amount: '200',
        },
        new File([PDF_BYTES], 'factura.pdf'),
      ),
    );
    expect(ok1.status).toBe(303);
    const ok2 = await post(
      base,
      expenseForm({
        budgetLineId: catering.id,
        contributionId: isoc,
        spentOn: '2018-10-20',
        payee: 'Café',
        amount: '50',
      }),
    );
    expect(ok2.status).toBe(303);
    const page = await (await agent.get(base)).text();
    expect(page).toMatch(/data-balance="spent">USD\s250\.00/);
    expect(page).toMatch(/data-balance="available">USD\s750\.00/);
    const [row] = await t.db.select().from(expenses).where(eq(expenses.budgetLineId, sede.id));
    const receipt = await agent.get(`${base}/expenses/${row!.id}/receipt`);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await receipt.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('refuses spending more than is left of a contribution', async () => {
    const { base, sede, igfsa } = await setUp();
    const res = await post(
      base,
      expenseForm({
        budgetLineId: sede.id,
        contributionId: igfsa,
        spentOn: '2018-10-20',
        payee: 'X',
        amount: '600',
      }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('solo le quedan USD');
  });

  it('checks the receipt by its bytes and its size', async () => {
    const { base, sede } = await setUp();
    const fields = { budgetLineId: sede.id, spentOn: '2018-10-20', payee: 'X', amount: '10' };
    const fake = await post(
      base,
      expenseForm(fields, new File(['<html>hola</html>'], 'factura.pdf')),
    );
    expect(fake.status).toBe(422);
    expect(await fake.text()).toMatch(
      /id="f-receipt-error">El comprobante debe ser un PDF, PNG o JPEG\./,
    );
    const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    big.set(PDF_BYTES);
    const tooBig = await post(base, expenseForm(fields, new File([big], 'big.pdf')));
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain('El comprobante pesa más de 5 MB.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(sniffReceiptType(png)).toBe('image/png');
    expect(sniffReceiptType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    const okPng = await post(base, expenseForm(fields, new File([png], 'r.png')));
    expect(okPng.status).toBe(303);
  });
});
