import { Hono, type Context } from 'hono';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { addBudgetLine } from '../add-budget-line';
import { inKindForm, lineForm, pledgeForm } from '../money-input';
import { listDonors, loadMoney } from '../queries';
import { recordInKind } from '../record-in-kind';
import { recordPledge } from '../record-pledge';
import { MoneyFormPage, type MoneyFormKind } from '../views/money-form-page';
import { editors, moneyEdition, moneyErrors } from './money-context';

type Form = { values?: FormValues; errors?: FieldErrors };

async function formPage(c: Context<AppEnv>, kind: MoneyFormKind, o: Form = {}) {
  const { edition, base } = await moneyEdition(c);
  const { db } = c.var.deps;
  return render(
    c,
    <MoneyFormPage
      page={pageOf(c)}
      kind={kind}
      editionName={edition.name}
      base={base}
      donors={kind === 'line' ? [] : await listDonors(db)}
      lines={kind === 'pledge' ? (await loadMoney(db, edition.id)).lines : []}
      values={o.values}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

/** Forms that add to an edition's money: budget lines, pledges, in-kind gifts. */
export const moneyRecordRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/money/lines/new', editors(), (c) => formPage(c, 'line'))
  .post('/i/:slug/editions/:edition/money/lines', editors(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const form = await readForm(c, lineForm);
    if (!form.ok) return formPage(c, 'line', form);
    await audited(
      c,
      (tx) => addBudgetLine(tx, { editionId: edition.id, input: form.data }),
      (line) => ({
        action: 'money.line_added',
        targetType: 'budget_line',
        targetId: line.id,
        data: form.data,
      }),
    );
    setFlash(c, 'money.saved');
    return c.redirect(base, 303);
  })
  .get('/i/:slug/editions/:edition/money/pledges/new', editors(), (c) => formPage(c, 'pledge'))
  .post('/i/:slug/editions/:edition/money/pledges', editors(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const form = await readForm(c, pledgeForm);
    if (!form.ok) return formPage(c, 'pledge', form);
    try {
      const row = await audited(
        c,
        (tx) =>
          recordPledge(tx, {
            editionId: edition.id,
            userId: c.var.user?.id ?? null,
            input: form.data,
          }),
        (r) => ({
          action: 'money.pledge_recorded',
          targetType: 'contribution',
          targetId: r.id,
          data: form.data,
        }),
      );
      setFlash(c, 'money.saved');
      return c.redirect(`${base}/contributions/${row.id}`, 303);
    } catch (e) {
      return formPage(c, 'pledge', { values: form.values, errors: moneyErrors(c, e) });
    }
  })
  .get('/i/:slug/editions/:edition/money/in-kind/new', editors(), (c) => formPage(c, 'inKind'))
  .post('/i/:slug/editions/:edition/money/in-kind', editors(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const form = await readForm(c, inKindForm);
    if (!form.ok) return formPage(c, 'inKind', form);
    try {
      await audited(
        c,
        (tx) =>
          recordInKind(tx, {
            editionId: edition.id,
            userId: c.var.user?.id ?? null,
            input: form.data,
          }),
        (r) => ({
          action: 'money.in_kind_recorded',
          targetType: 'contribution',
          targetId: r.id,
          data: form.data,
        }),
      );
      setFlash(c, 'money.saved');
      return c.redirect(base, 303);
    } catch (e) {
      return formPage(c, 'inKind', { values: form.values, errors: moneyErrors(c, e) });
    }
  });
