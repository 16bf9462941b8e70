import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { institutionKinds, stakeholderGroups } from '../schema';

export function InstitutionForm(props: {
  page: Page;
  action: string;
  submit: string;
  parents: { id: string; name: string }[];
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
      <Field name="acronym" label={t('network.field.acronym')} values={values} errors={errors} />
      <Select
        name="stakeholderGroup"
        label={t('network.field.group')}
        required
        empty=""
        options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
        values={values}
        errors={errors}
      />
      <Select
        name="kind"
        label={t('network.field.kind')}
        empty={t('network.field.none')}
        options={institutionKinds.map((k) => [k, t(`network.kind.${k}`)])}
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
        name="website"
        type="url"
        label={t('network.field.website')}
        values={values}
        errors={errors}
      />
      <Select
        name="parentId"
        label={t('network.field.parent')}
        empty={t('network.field.none')}
        options={props.parents.map((p) => [p.id, p.name])}
        values={values}
        errors={errors}
      />
      <Field name="notes" label={t('network.field.notes')} values={values} errors={errors} />
      <label class="check">
        <input
          type="checkbox"
          name="publicListing"
          checked={values?.publicListing === 'on' || values?.publicListing === 'true'}
        />{' '}
        {t('network.field.publicListing')}
      </label>
      <button type="submit">{props.submit}</button>
    </form>
  );
}
