import type { FieldErrors, FormValues } from '../../../http/form';
import { Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { currencies } from '../amounts';
import { sponsorLevels } from '../schema';

/** Donor, currency and amount: the start of every contribution form. */
export function DonorFields(props: {
  page: Page;
  donors: { id: string; name: string; acronym: string | null }[];
  values?: FormValues;
  errors?: FieldErrors;
  amountLabel: string;
  amountHint: string;
}) {
  const { t } = props.page;
  return (
    <>
      <Select
        name="institutionId"
        label={t('money.donor')}
        empty={t('money.form.choose')}
        options={props.donors.map((d) => [d.id, d.acronym ? `${d.name} (${d.acronym})` : d.name])}
        values={props.values}
        errors={props.errors}
        required
      />
      <Select
        name="currency"
        label={t('money.currency')}
        options={currencies.map((c) => [c, c])}
        values={{ currency: 'USD', ...props.values }}
        errors={props.errors}
      />
      <Field
        name="amount"
        label={props.amountLabel}
        hint={props.amountHint}
        values={props.values}
        errors={props.errors}
      />
    </>
  );
}

/** Whether the donor agreed to be named publicly, and at which level. */
export function AcknowledgementFields(props: {
  page: Page;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  return (
    <>
      <div class="field">
        <label>
          <input
            type="checkbox"
            name="acknowledged"
            checked={props.values?.acknowledged === 'on'}
          />{' '}
          {t('money.acknowledged')}
        </label>
      </div>
      <Select
        name="sponsorLevel"
        label={t('money.level')}
        empty={t('money.level.none')}
        options={sponsorLevels.map((l) => [l, t(`money.level.${l}`)])}
        values={props.values}
        errors={props.errors}
      />
    </>
  );
}
