import { Hono, type Context } from 'hono';
import { audit } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
import { currencies } from '../amounts';
import { addBudgetLine } from '../add-budget-line';
import { inKindForm, lineForm, pledgeForm } from '../money-input';
import { listDonors, loadMoney } from '../queries';
import { recordInKind } from '../record-in-kind';
import { recordPledge } from '../record-pledge';
import { AcknowledgementFields, DonorFields } from '../views/donor-fields';
import { editors, moneyEdition, moneyErrors } from './money-context';

type Form = { values?: FormValues; errors?: FieldErrors };
type Kind = 'pledge' | 'inKind' | 'line';

async function formPage(c: Context<AppEnv>, kind: Kind, o: Form = {}) {
  const { edition, base } = await moneyEdition(c);
  const { db } = c.var.deps;
  const page = pageOf(c);
  const { t } = page;
  const title = t(
    kind === 'pledge'
      ? 'money.pledge.new'
      : kind === 'inKind'
        ? 'money.inKind.new'
        : 'money.lines.new',
  );
  const action = `${base}/${kind === 'pledge' ? 'pledges' : kind === 'inKind' ? 'in-kind' : 'lines'}`;
  const donors = kind === 'line' ? [] : await listDonors(db);
  const lines = kind === 'pledge' ? (await loadMoney(db, edition.id)).lines : [];
  const chosen = new Set([o.values?.lines ?? []].flat());
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: edition.name })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={action} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        {kind === 'line' ? (
          <>
            <Field
              name="activity"
              label={t('money.line.activity')}
              hint={t('money.line.activityHint')}
              required
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="name"
              label={t('money.line')}
              required
              values={o.values}
              errors={o.errors}
            />
            <Select
              name="currency"
              label={t('money.currency')}
              options={currencies.map((cur) => [cur, cur])}
              values={{ currency: 'USD', ...o.values }}
              errors={o.errors}
            />
            <Field
              name="amount"
              label={t('money.balance.planned')}
              hint={t('money.form.amountHint')}
              required
              values={o.values}
              errors={o.errors}
            />
          </>
        ) : (
          <DonorFields
            page={page}
            donors={donors}
            values={o.values}
            errors={o.errors}
            amountLabel={t(kind === 'pledge' ? 'money.pledge.amount' : 'money.inKind.value')}
            amountHint={t(kind === 'pledge' ? 'money.form.amountHint' : 'money.inKind.valueHint')}
          />
        )}
        {kind === 'inKind' && (
          <Field
            name="description"
            label={t('money.inKind.description')}
            rows={2}
            required
            values={o.values}
            errors={o.errors}
          />
        )}
        {kind === 'pledge' && (
          <>
            <Field
              name="pledgedOn"
              type="date"
              label={t('money.pledge.date')}
              required
              values={o.values}
              errors={o.errors}
            />
            <fieldset class={o.errors?.lines ? 'field has-error' : 'field'}>
              <legend>{t('money.pledge.restrict')}</legend>
              <p class="hint">{t('money.pledge.restrictHint')}</p>
              {o.errors?.lines && <p class="error">{o.errors.lines}</p>}
              {lines.length === 0 && <p>{t('money.lines.empty')}</p>}
              {lines.map((l) => (
                <label>
                  <input type="checkbox" name="lines" value={l.id} checked={chosen.has(l.id)} />{' '}
                  {l.activity} — {l.name} ({l.currency})
                  <br />
                </label>
              ))}
            </fieldset>
          </>
        )}
        {kind !== 'line' && (
          <AcknowledgementFields page={page} values={o.values} errors={o.errors} />
        )}
        <button type="submit">{title}</button>
      </form>
    </Layout>,
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
    const line = await addBudgetLine(c.var.deps.db, { editionId: edition.id, input: form.data });
    await audit(c, 'money.line_added', {
      targetType: 'budget_line',
      targetId: line.id,
      data: form.data,
    });
    setFlash(c, 'money.saved');
    return c.redirect(base, 303);
  })
  .get('/i/:slug/editions/:edition/money/pledges/new', editors(), (c) => formPage(c, 'pledge'))
  .post('/i/:slug/editions/:edition/money/pledges', editors(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const form = await readForm(c, pledgeForm);
    if (!form.ok) return formPage(c, 'pledge', form);
    try {
      const row = await recordPledge(c.var.deps.db, {
        editionId: edition.id,
        userId: c.var.user?.id ?? null,
        input: form.data,
      });
      await audit(c, 'money.pledge_recorded', {
        targetType: 'contribution',
        targetId: row.id,
        data: form.data,
      });
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
      const row = await recordInKind(c.var.deps.db, {
        editionId: edition.id,
        userId: c.var.user?.id ?? null,
        input: form.data,
      });
      await audit(c, 'money.in_kind_recorded', {
        targetType: 'contribution',
        targetId: row.id,
        data: form.data,
      });
      setFlash(c, 'money.saved');
      return c.redirect(base, 303);
    } catch (e) {
      return formPage(c, 'inKind', { values: form.values, errors: moneyErrors(c, e) });
    }
  });
