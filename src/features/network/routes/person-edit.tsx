import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { fields } from '../../../lib/fields';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import {
  addAffiliation,
  addPersonEmail,
  addPersonPhone,
  endAffiliation,
  recordConsent,
  updatePersonDetails,
} from '../edit-person';
import { listInstitutionChoices } from '../institutions';
import { getPersonRecord, personInInitiative, type PersonRecord } from '../people';
import { networkPermissions } from '../permissions';
import { consentPurposes, genderChoices, stakeholderGroups } from '../schema';
import { blankToUndefined, countryField, languagesField, optionalText } from '../validation';

const manage = () => access.initiative(networkPermissions.managePeople);
const isoDate = z.preprocess(blankToUndefined, z.iso.date('form.invalid').optional());

const detailsSchema = z.object({
  name: fields.text({ max: 200 }),
  country: countryField,
  languages: languagesField,
  genderChoice: z.preprocess(blankToUndefined, z.enum(genderChoices).optional()),
  genderSelfDescribed: optionalText(100),
  stakeholderGroup: z.preprocess(blankToUndefined, z.enum(stakeholderGroups).optional()),
  notes: optionalText(2000),
});
const emailSchema = z.object({ email: fields.email() });
const phoneSchema = z.object({ phone: fields.text({ max: 40 }) });
const affiliationSchema = z.object({
  institutionId: z.uuid('form.required'),
  title: optionalText(200),
  startedOn: isoDate,
  endedOn: isoDate,
});
const consentSchema = z.object({
  purpose: z.enum(consentPurposes, { error: 'form.required' }),
  status: z.enum(['given', 'withdrawn'], { error: 'form.required' }),
  method: fields.text({ max: 200 }),
});

async function loadPerson(c: Context<AppEnv>): Promise<PersonRecord> {
  const id = c.req.param('id') ?? '';
  if (!(await personInInitiative(c.var.deps.db, id, c.var.initiative.id)))
    throw new AppError('not_found');
  const person = await getPersonRecord(c.var.deps.db, id);
  if (!person || person.erasedAt) throw new AppError('not_found');
  return person;
}

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

async function editPage(
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

function done(c: Context<AppEnv>, person: PersonRecord, action: string) {
  return audit(c, action, {
    targetType: 'person',
    targetId: person.id,
    data: { initiative: c.var.initiative.slug },
  }).then(() => {
    setFlash(c, 'network.people.saved');
    return c.redirect(`/i/${c.var.initiative.slug}/people/${person.id}/edit`, 303);
  });
}

export const personEditRoutes = new Hono<AppEnv>()
  .get('/i/:slug/people/:id/edit', manage(), async (c) => editPage(c, await loadPerson(c)))
  .post('/i/:slug/people/:id/edit', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, detailsSchema);
    if (!form.ok) return editPage(c, person, 'details', form.values, form.errors);
    await updatePersonDetails(c.var.deps.db, person.id, form.data);
    return done(c, person, 'person.updated');
  })
  .post('/i/:slug/people/:id/emails', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, emailSchema);
    if (!form.ok) return editPage(c, person, 'email', form.values, form.errors);
    if (!(await addPersonEmail(c.var.deps.db, { personId: person.id, email: form.data.email }))) {
      return editPage(c, person, 'email', form.values, { email: c.var.t('network.emailTaken') });
    }
    return done(c, person, 'person.updated');
  })
  .post('/i/:slug/people/:id/phones', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, phoneSchema);
    if (!form.ok) return editPage(c, person, 'phone', form.values, form.errors);
    await addPersonPhone(c.var.deps.db, { personId: person.id, phone: form.data.phone });
    return done(c, person, 'person.updated');
  })
  .post('/i/:slug/people/:id/affiliations', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, affiliationSchema);
    if (!form.ok) return editPage(c, person, 'affiliation', form.values, form.errors);
    await addAffiliation(c.var.deps.db, { personId: person.id, ...form.data });
    return done(c, person, 'person.updated');
  })
  .post('/i/:slug/people/:id/affiliations/:aid/end', manage(), async (c) => {
    const person = await loadPerson(c);
    const ok = await endAffiliation(c.var.deps.db, {
      personId: person.id,
      affiliationId: c.req.param('aid'),
      on: new Date().toISOString().slice(0, 10),
    });
    if (!ok) throw new AppError('not_found');
    return done(c, person, 'person.updated');
  })
  .post('/i/:slug/people/:id/consents', manage(), async (c) => {
    const person = await loadPerson(c);
    const form = await readForm(c, consentSchema);
    if (!form.ok) return editPage(c, person, 'consent', form.values, form.errors);
    await recordConsent(c.var.deps.db, {
      personId: person.id,
      ...form.data,
      recordedBy: c.var.user!.id,
    });
    return done(c, person, 'person.consent_recorded');
  });
