import type { FieldErrors, FormValues } from '../../../http/form';
import { Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { genderChoices, stakeholderGroups } from '../../network/schema';
import type { ProgrammeItem } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { questionField } from '../registration-input';
import type { RegistrationQuestion } from '../schema';
import type { SessionPlaces } from '../session-places';
import type { RouteWithSeats } from '../transport/list-routes';
import { formatDateTime } from '../../../lib/format';

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
  /** The event's transport routes; full ones are left out unless they hold this person's seat. */
  routes?: RouteWithSeats[];
  /** The route whose seat this registration already holds (private change form). */
  heldRouteId?: string | null;
  /** The event's zone, for departure and return times. */
  timeZone?: string;
  /** Sessions with limited places, and how many are left. */
  places?: Map<string, SessionPlaces>;
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
        <fieldset
          class={errors?.sessionIds ? 'choices has-error' : 'choices'}
          id="f-sessionIds"
          aria-describedby={errors?.sessionIds ? 'f-sessionIds-error' : 'f-sessionIds-hint'}
        >
          <legend>{t('registration.interests')}</legend>
          <p class="hint" id="f-sessionIds-hint">
            {t('registration.interestsHint')}
          </p>
          {errors?.sessionIds && (
            <p class="error" id="f-sessionIds-error">
              {errors.sessionIds}
            </p>
          )}
          {props.sessions.map((s) => {
            const p = props.places?.get(s.id);
            return (
              <label class="check">
                <input
                  type="checkbox"
                  name="sessionIds"
                  value={s.id}
                  checked={checked(values, 'sessionIds', s.id)}
                />{' '}
                {localTitle(page, s)}
                {p &&
                  ` · ${p.left === 0 ? t('registration.placesFull') : t('registration.placesLeft', { count: p.left })}`}
              </label>
            );
          })}
        </fieldset>
      )}
      <RouteChoice {...props} />
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

/** "No transport" first, then each route with seats left (and the one already held). */
function RouteChoice(props: Parameters<typeof RegistrationFields>[0]) {
  const { page, values, errors } = props;
  const { t, lang } = page;
  const routes = (props.routes ?? []).filter((r) => r.left > 0 || r.id === props.heldRouteId);
  if (routes.length === 0 && !errors?.transportRouteId) return null;
  const chosen = typeof values?.transportRouteId === 'string' ? values.transportRouteId : '';
  const error = errors?.transportRouteId;
  const zone = props.timeZone ?? 'UTC';
  return (
    <fieldset
      class={error ? 'choices has-error' : 'choices'}
      id="f-transportRouteId"
      aria-describedby={error ? 'f-transportRouteId-error' : 'f-transportRouteId-hint'}
    >
      <legend>{t('transport.choose')}</legend>
      <p class="hint" id="f-transportRouteId-hint">
        {t('transport.chooseHint')}
      </p>
      {error && (
        <p class="error" id="f-transportRouteId-error">
          {error}
        </p>
      )}
      <label class="check">
        <input type="radio" name="transportRouteId" value="" checked={chosen === ''} />{' '}
        {t('transport.none')}
      </label>
      {routes.map((r) => (
        <label class="check">
          <input type="radio" name="transportRouteId" value={r.id} checked={chosen === r.id} />{' '}
          <strong>{r.name}</strong> ·{' '}
          {r.id === props.heldRouteId
            ? t('transport.yours')
            : t('transport.seatsLeft', { count: r.left })}
          <br />
          <small>
            {r.stops.map((s) => (s.time ? `${s.time} ${s.name}` : s.name)).join(' → ')}
            {r.departsAt &&
              ` · ${t('transport.departs', { date: formatDateTime(r.departsAt, lang, zone) })}`}
            {r.returnsAt &&
              ` · ${t('transport.returns', { date: formatDateTime(r.returnsAt, lang, zone) })}`}
          </small>
        </label>
      ))}
    </fieldset>
  );
}
