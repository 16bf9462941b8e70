/**
 * The organisers' registration settings of an event: open or closed, capacity, dates (in the
 * event's zone), approval and how long an offered seat is held, then the extra questions of the
 * form with the form to add one. What was typed comes back with its errors.
 *
 * @example
 * <RegistrationSettingsPage page={page} event={event} path={path} publicUrl={url} questions={questions}
 *   values={{ open: 'on', offerHours: '48' }} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { questionKinds, type RegistrationQuestion } from '../schema';

export function RegistrationSettingsPage(props: {
  page: Page;
  event: { titleEs: string; titleEn: string | null; timeZone: string };
  /** The event's organiser path (`…/events/{id}`). */
  path: string;
  /** The public registration form. */
  publicUrl: string;
  questions: RegistrationQuestion[];
  /** The settings form's values: what was typed, or the saved settings. */
  values: FormValues;
  errors?: FieldErrors;
  /** The new-question form when it was refused. */
  question?: { values: FormValues; errors?: FieldErrors };
}) {
  const { page, event, path, publicUrl, questions, values } = props;
  const o = { errors: props.errors, question: props.question };
  const { t, lang } = page;
  const f = { values, errors: o.errors };
  return (
    <Layout page={page} title={t('registration.manage.title')}>
      <p>
        <a href={path}>{localTitle(page, event)}</a>
      </p>
      <h1>{t('registration.manage.title')}</h1>
      <ul class="inline-list">
        <li>
          <a href={publicUrl}>{t('registration.manage.publicLink')}</a>
        </li>
        <li>
          <a href={`${path}/registrations`}>{t('registration.list.title')}</a>
        </li>
      </ul>
      <h2>{t('registration.manage.settings')}</h2>
      <p class="hint">
        {t('registration.manage.dateHint')} ({event.timeZone})
      </p>
      <form method="post" action={`${path}/registration`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <label class="check">
          <input type="checkbox" name="open" checked={values.open === 'on'} />{' '}
          {t('registration.manage.open')}
        </label>
        <Field
          name="capacity"
          type="number"
          min="1"
          label={t('registration.manage.capacity')}
          hint={t('registration.manage.capacityHint')}
          {...f}
        />
        <Field
          name="opensAt"
          type="datetime-local"
          label={t('registration.manage.opensAt')}
          {...f}
        />
        <Field
          name="closesAt"
          type="datetime-local"
          label={t('registration.manage.closesAt')}
          {...f}
        />
        <label class="check">
          <input
            type="checkbox"
            name="requiresApproval"
            checked={values.requiresApproval === 'on'}
          />{' '}
          {t('registration.manage.approval')}
        </label>
        <Field
          name="offerHours"
          type="number"
          min="1"
          label={t('registration.manage.offerHours')}
          required
          {...f}
        />
        <button type="submit">{t('common.save')}</button>
      </form>
      <h2>{t('registration.manage.questions')}</h2>
      {questions.length === 0 ? (
        <p>{t('registration.manage.noQuestions')}</p>
      ) : (
        <ul class="cards">
          {questions.map((q) => (
            <li class="card">
              <strong>{lang === 'en' ? (q.labelEn ?? q.labelEs) : q.labelEs}</strong> ·{' '}
              {t(`registration.question.${q.kind}`)}
              {q.required && ` · ${t('registration.manage.question.required')}`}
              {q.options.length > 0 && (
                <>
                  <br />
                  <small>
                    {q.options.map((x) => (lang === 'en' ? (x.en ?? x.es) : x.es)).join(' · ')}
                  </small>
                </>
              )}
              <form
                method="post"
                action={`${path}/registration/questions/${q.id}/remove`}
                class="inline"
              >
                <Csrf page={page} />
                <button type="submit" class="link">
                  {t('registration.manage.removeQuestion')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${path}/registration/questions`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.question?.errors} />
        <Select
          name="kind"
          label={t('registration.manage.question.kind')}
          required
          options={questionKinds.map((k) => [k, t(`registration.question.${k}`)])}
          values={o.question?.values}
          errors={o.question?.errors}
        />
        <Field
          name="labelEs"
          label={t('registration.manage.question.labelEs')}
          required
          values={o.question?.values}
          errors={o.question?.errors}
        />
        <Field
          name="labelEn"
          label={t('registration.manage.question.labelEn')}
          values={o.question?.values}
          errors={o.question?.errors}
        />
        <Field
          name="options"
          label={t('registration.manage.question.options')}
          rows={3}
          values={o.question?.values}
          errors={o.question?.errors}
        />
        <label class="check">
          <input type="checkbox" name="required" checked={o.question?.values.required === 'on'} />{' '}
          {t('registration.manage.question.required')}
        </label>
        <button type="submit">{t('registration.manage.addQuestion')}</button>
      </form>
    </Layout>
  );
}
