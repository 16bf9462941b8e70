import type { Context } from 'hono';
import type { FieldErrors, FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { listInstitutionChoices } from '../institutions';
import type { PersonRecord } from '../people';
import { consentPurposes, genderChoices, stakeholderGroups } from '../schema';

/**
 * The page to edit one person: details, e-mails, phones, affiliations and consents, each its own
 * form. `section` says which form `values` and `errors` belong to after a failed submission.
 */
function detailsValues(p: PersonRecord): FormValues {
  return {
    name: p.name,
    country: p.country ?? '',
    languages: p.languages.join(', '),
    genderChoice: p.genderChoice ?? '',
    genderSelfDescribed: p.genderSelfDescribed ?? '',
    stakeholderGroup: p.stakeholderGroup ?? '',
    notes: p.notes ?? '',
  };
}

function SectionForm(props: {
  page: Page;
  action: string;
  submit: string;
  errors?: FieldErrors;
  children: unknown;
}) {
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <Csrf page={props.page} />
      <ErrorSummary page={props.page} errors={props.errors} />
      {props.children as never}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export async function editPage(
  c: Context<AppEnv>,
  person: PersonRecord,
  section?: string,
  values?: FormValues,
  errors?: FieldErrors,
) {
  const page = pageOf(c);
  const { t } = page;
  const base = `/i/${c.var.initiative.slug}/people/${person.id}`;
  const institutions = await listInstitutionChoices(c.var.deps.db);
  const v = (s: string) => (section === s ? values : undefined);
  const e = (s: string) => (section === s ? errors : undefined);
  return render(
    c,
    <Layout page={page} title={t('network.people.edit')}>
      <p>
        <a href={base}>{person.name}</a>
      </p>
      <h1>{t('network.people.edit')}</h1>
      <SectionForm
        page={page}
        action={`${base}/edit`}
        submit={t('common.save')}
        errors={e('details')}
      >
        <Field
          name="name"
          label={t('network.field.name')}
          required
          values={v('details') ?? detailsValues(person)}
          errors={e('details')}
        />
        <Field
          name="country"
          label={t('network.field.country')}
          hint={t('network.field.countryHint')}
          values={v('details') ?? detailsValues(person)}
          errors={e('details')}
        />
        <Field
          name="languages"
          label={t('network.field.languages')}
          hint={t('network.field.languagesHint')}
          values={v('details') ?? detailsValues(person)}
          errors={e('details')}
        />
        <Select
          name="genderChoice"
          label={t('network.field.gender')}
          empty="—"
          options={genderChoices.map((g) => [g, t(`network.gender.${g}`)])}
          values={v('details') ?? detailsValues(person)}
        />
        <Field
          name="genderSelfDescribed"
          label={t('network.field.genderSelf')}
          values={v('details') ?? detailsValues(person)}
          errors={e('details')}
        />
        <Select
          name="stakeholderGroup"
          label={t('network.people.ownGroup')}
          empty="—"
          options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
          values={v('details') ?? detailsValues(person)}
        />
        <Field
          name="notes"
          label={t('network.field.notes')}
          values={v('details') ?? detailsValues(person)}
          errors={e('details')}
        />
      </SectionForm>

      <h2>{t('network.people.emails')}</h2>
      <ul>
        {person.emails.map((m) => (
          <li>{m.email}</li>
        ))}
      </ul>
      <SectionForm
        page={page}
        action={`${base}/emails`}
        submit={t('network.people.addEmail')}
        errors={e('email')}
      >
        <Field
          name="email"
          type="email"
          label={t('network.field.email')}
          values={v('email')}
          errors={e('email')}
        />
      </SectionForm>

      <h2>{t('network.people.phones')}</h2>
      <ul>
        {person.phones.map((p) => (
          <li>{p.phone}</li>
        ))}
      </ul>
      <SectionForm
        page={page}
        action={`${base}/phones`}
        submit={t('network.people.addPhone')}
        errors={e('phone')}
      >
        <Field
          name="phone"
          type="tel"
          label={t('network.field.phone')}
          values={v('phone')}
          errors={e('phone')}
        />
      </SectionForm>

      <h2>{t('network.people.affiliations')}</h2>
      <ul class="cards">
        {person.affiliations.map((a) => (
          <li class="card">
            {a.institution}
            {a.title && <> — {a.title}</>} ({a.startedOn ?? '…'} – {a.endedOn ?? '…'})
            {!a.endedOn && (
              <form method="post" action={`${base}/affiliations/${a.id}/end`}>
                <Csrf page={page} />
                <button type="submit" class="secondary">
                  {t('network.people.endAffiliation')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <SectionForm
        page={page}
        action={`${base}/affiliations`}
        submit={t('network.people.addAffiliation')}
        errors={e('affiliation')}
      >
        <Select
          name="institutionId"
          label={t('network.field.institution')}
          empty="—"
          options={institutions.map((i) => [i.id, i.name])}
          values={v('affiliation')}
          errors={e('affiliation')}
        />
        <Field
          name="title"
          label={t('network.field.title')}
          values={v('affiliation')}
          errors={e('affiliation')}
        />
        <Field
          name="startedOn"
          type="date"
          label={t('network.field.startedOn')}
          values={v('affiliation')}
          errors={e('affiliation')}
        />
        <Field
          name="endedOn"
          type="date"
          label={t('network.field.endedOn')}
          values={v('affiliation')}
          errors={e('affiliation')}
        />
      </SectionForm>

      <h2>{t('consent.record')}</h2>
      <SectionForm
        page={page}
        action={`${base}/consents`}
        submit={t('consent.record')}
        errors={e('consent')}
      >
        <Select
          name="purpose"
          label={t('consent.purpose')}
          empty="—"
          options={consentPurposes.map((p) => [p, t(`network.consent.${p}`)])}
          values={v('consent')}
          errors={e('consent')}
        />
        <Select
          name="status"
          label={t('consent.status')}
          options={[
            ['given', t('network.consent.given')],
            ['withdrawn', t('network.consent.withdrawn')],
          ]}
          values={v('consent')}
          errors={e('consent')}
        />
        <Field
          name="method"
          label={t('consent.method')}
          hint={t('consent.methodHint')}
          values={v('consent')}
          errors={e('consent')}
        />
      </SectionForm>
    </Layout>,
    errors ? 422 : 200,
  );
}
