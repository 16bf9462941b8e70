import type { FieldErrors, FormValues } from '../../../http/form';
import { Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { genderChoices, stakeholderGroups } from '../../network/schema';
import type { ProgrammeItem } from '../../programme/queries';
import { localTitle } from '../../programme/views/session-card';
import { questionField } from '../registration-input';
import type { RegistrationQuestion } from '../schema';

const checked = (values: FormValues | undefined, name: string, value = 'on') => {
  const v = values?.[name];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

/**
 * The registration form's fields, shared by the public form and the private change form: the
 * person's details, the event's questions, session interests and the consents.
 */
export function RegistrationFields(props: {
  page: Page;
  questions: RegistrationQuestion[];
  sessions: ProgrammeItem[];
  values?: FormValues;
  errors?: FieldErrors;
  /** The e-mail cannot be changed through the private link. */
  withEmail: boolean;
}) {
  const { page, values, errors } = props;
  const { t, lang } = page;
  const f = { values, errors };
  const label = (q: { labelEs: string; labelEn: string | null }) =>
    lang === 'en' ? (q.labelEn ?? q.labelEs) : q.labelEs;
  return (
    <>
      <Field name="name" label={t('registration.field.name')} autocomplete="name" required {...f} />
      {props.withEmail && (
        <Field
          name="email"
          type="email"
          label={t('registration.field.email')}
          autocomplete="email"
          required
          {...f}
        />
      )}
      <Field
        name="institution"
        label={t('registration.field.institution')}
        autocomplete="organization"
        {...f}
      />
      <Select
        name="stakeholderGroup"
        label={t('registration.field.group')}
        empty=""
        options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
        {...f}
      />
      <Field
        name="country"
        label={t('registration.field.country')}
        hint={t('registration.field.countryHint')}
        {...f}
      />
      <Select
        name="gender"
        label={t('registration.field.gender')}
        empty={t('registration.field.noAnswer')}
        options={genderChoices
          .filter((g) => g !== 'prefer_not_to_say' && g !== 'self_described')
          .map((g) => [g, t(`network.gender.${g}`)])}
        {...f}
      />
      <Field
        name="accessibilityNeeds"
        label={t('registration.field.accessibility')}
        hint={t('registration.field.accessibilityHint')}
        rows={2}
        {...f}
      />
      {props.questions.length > 0 && (
        <fieldset>
          <legend>{t('registration.questions')}</legend>
          {props.questions.map((q) => {
            const name = questionField(q);
            const error = errors?.[name];
            if (q.kind === 'short_text' || q.kind === 'long_text')
              return (
                <Field
                  name={name}
                  label={label(q)}
                  required={q.required}
                  rows={q.kind === 'long_text' ? 4 : undefined}
                  {...f}
                />
              );
            const options: [string, string][] =
              q.kind === 'yes_no'
                ? [
                    ['yes', t('registration.yes')],
                    ['no', t('registration.no')],
                  ]
                : q.options.map((o, i) => [String(i), lang === 'en' ? (o.en ?? o.es) : o.es]);
            return (
              <fieldset class={error ? 'choices has-error' : 'choices'}>
                <legend>
                  {label(q)}
                  {q.required && ' *'}
                </legend>
                {error && <p class="error">{error}</p>}
                {options.map(([value, text]) => (
                  <label class="check">
                    <input
                      type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                      name={name}
                      value={value}
                      checked={checked(values, name, value)}
                    />{' '}
                    {text}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
      )}
      {props.sessions.length > 0 && (
        <fieldset>
          <legend>{t('registration.interests')}</legend>
          <p class="hint">{t('registration.interestsHint')}</p>
          {props.sessions.map((s) => (
            <label class="check">
              <input
                type="checkbox"
                name="sessionIds"
                value={s.id}
                checked={checked(values, 'sessionIds', s.id)}
              />{' '}
              {localTitle(page, s)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('registration.consents')}</legend>
        <p class="hint">{t('registration.consents.lead')}</p>
        {(['consentPhotos', 'consentStreaming', 'consentContact'] as const).map((name) => (
          <label class="check">
            <input type="checkbox" name={name} checked={checked(values, name)} />{' '}
            {t(
              name === 'consentPhotos'
                ? 'registration.consent.photos'
                : name === 'consentStreaming'
                  ? 'registration.consent.streaming'
                  : 'registration.consent.contact',
            )}
          </label>
        ))}
      </fieldset>
    </>
  );
}
