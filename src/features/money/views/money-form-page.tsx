/**
 * The form that adds to an edition's money: a budget line, a cash pledge (optionally restricted
 * to budget lines) or an in-kind gift, kept with its errors when refused.
 *
 * @example
 * <MoneyFormPage page={page} kind="pledge" editionName="IGF Guatemala 2018" base={base}
 *   donors={donors} lines={lines} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { currencies } from '../amounts';
import type { Money } from '../queries';
import { AcknowledgementFields, DonorFields } from './donor-fields';

/** Which money form: a budget line, a cash pledge or an in-kind gift. */
export type MoneyFormKind = 'pledge' | 'inKind' | 'line';

export function MoneyFormPage(props: {
  page: Page;
  kind: MoneyFormKind;
  editionName: string;
  /** The edition's money path. */
  base: string;
  /** The donors to choose from (none for a budget line). */
  donors: { id: string; name: string; acronym: string | null }[];
  /** The budget lines a pledge may be restricted to (none for the other forms). */
  lines: Money['lines'];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page, kind, base, donors, lines } = props;
  const { t } = page;
  const title = t(
    kind === 'pledge'
      ? 'money.pledge.new'
      : kind === 'inKind'
        ? 'money.inKind.new'
        : 'money.lines.new',
  );
  const action = `${base}/${kind === 'pledge' ? 'pledges' : kind === 'inKind' ? 'in-kind' : 'lines'}`;
  const chosen = new Set([props.values?.lines ?? []].flat());
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: props.editionName })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={action} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={props.errors} />
        {kind === 'line' ? (
          <>
            <Field
              name="activity"
              label={t('money.line.activity')}
              hint={t('money.line.activityHint')}
              required
              values={props.values}
              errors={props.errors}
            />
            <Field
              name="name"
              label={t('money.line')}
              required
              values={props.values}
              errors={props.errors}
            />
            <Select
              name="currency"
              label={t('money.currency')}
              options={currencies.map((cur) => [cur, cur])}
              values={{ currency: 'USD', ...props.values }}
              errors={props.errors}
            />
            <Field
              name="amount"
              label={t('money.balance.planned')}
              hint={t('money.form.amountHint')}
              required
              values={props.values}
              errors={props.errors}
            />
          </>
        ) : (
          <DonorFields
            page={page}
            donors={donors}
            values={props.values}
            errors={props.errors}
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
            values={props.values}
            errors={props.errors}
          />
        )}
        {kind === 'pledge' && (
          <>
            <Field
              name="pledgedOn"
              type="date"
              label={t('money.pledge.date')}
              required
              values={props.values}
              errors={props.errors}
            />
            <fieldset class={props.errors?.lines ? 'field has-error' : 'field'}>
              <legend>{t('money.pledge.restrict')}</legend>
              <p class="hint">{t('money.pledge.restrictHint')}</p>
              {props.errors?.lines && <p class="error">{props.errors.lines}</p>}
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
          <AcknowledgementFields page={page} values={props.values} errors={props.errors} />
        )}
        <button type="submit">{title}</button>
      </form>
    </Layout>
  );
}
