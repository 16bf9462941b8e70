import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { genderChoices } from '../schema';

export function PersonForm(props: {
  page: Page;
  action: string;
  institutions: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <Csrf page={props.page} />
      <ErrorSummary page={props.page} errors={errors} />
      <Field name="name" label={t('network.field.name')} required values={values} errors={errors} />
      <Field
        name="email"
        type="email"
        label={t('network.field.email')}
        values={values}
        errors={errors}
      />
      <Field
        name="phone"
        type="tel"
        label={t('network.field.phone')}
        values={values}
        errors={errors}
      />
      <Field
        name="country"
        label={t('network.field.country')}
        hint={t('network.field.countryHint')}
        values={values}
        errors={errors}
      />
      <Field
        name="languages"
        label={t('network.field.languages')}
        hint={t('network.field.languagesHint')}
        values={values}
        errors={errors}
      />
      <Select
        name="institutionId"
        label={t('network.field.institution')}
        empty={t('network.field.none')}
        options={props.institutions.map((i) => [i.id, i.name])}
        values={values}
        errors={errors}
      />
      <Field name="title" label={t('network.field.title')} values={values} errors={errors} />
      <Select
        name="genderChoice"
        label={t('network.field.gender')}
        empty="—"
        options={genderChoices.map((g) => [g, t(`network.gender.${g}`)])}
        values={values}
        errors={errors}
      />
      <Field
        name="genderSelfDescribed"
        label={t('network.field.genderSelf')}
        values={values}
        errors={errors}
      />
      <Field name="notes" label={t('network.field.notes')} values={values} errors={errors} />
      <button type="submit">{t('network.people.new')}</button>
    </form>
  );
}
