import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { sessionLanguages } from '../editing/session-input';
import { sessionKinds, sessionRoles } from '../schema';
import { TrackSelect } from './track-select';

/**
 * The session form. People are rows of (person, role) chosen from the network; `rows` rows are
 * offered, the filled ones first. Works without JavaScript.
 */
export function SessionForm(props: {
  page: Page;
  action: string;
  submit: string;
  rows: number;
  rooms: { id: string; name: string }[];
  people: { id: string; name: string }[];
  institutions: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  /** The edition's tracks (topics the committee selected); when there are any, a choice. */
  tracks?: string[];
}) {
  const { t } = props.page;
  const { values, errors } = props;
  const f = { values, errors };
  const chosen = new Set(
    [values?.institutionIds ?? []].flat().filter((v): v is string => typeof v === 'string'),
  );
  const peopleOptions: [string, string][] = props.people.map((p) => [p.id, p.name]);
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <Csrf page={props.page} />
      <input type="hidden" name="rows" value={String(props.rows)} />
      <ErrorSummary page={props.page} errors={errors} />
      <Select
        name="kind"
        label={t('manage.session.kind')}
        required
        options={sessionKinds.map((k) => [k, t(`programme.sessionKind.${k}`)])}
        {...f}
      />
      <Field name="titleEs" label={t('manage.session.titleEs')} required {...f} />
      <Field name="titleEn" label={t('manage.session.titleEn')} {...f} />
      {props.tracks?.length ? (
        <TrackSelect page={props.page} tracks={props.tracks} values={values} errors={errors} />
      ) : (
        <Field name="topic" label={t('manage.session.topic')} {...f} />
      )}
      <Select
        name="roomId"
        label={t('manage.session.room')}
        empty={t('manage.session.noRoom')}
        options={props.rooms.map((r) => [r.id, r.name])}
        {...f}
      />
      <div class="row">
        <Field name="day" type="date" label={t('manage.session.day')} required {...f} />
        <Field name="start" type="time" label={t('manage.session.start')} required {...f} />
        <Field name="end" type="time" label={t('manage.session.end')} required {...f} />
      </div>
      <fieldset>
        <legend>{t('manage.session.people')}</legend>
        <p class="hint">{t('manage.session.peopleHint')}</p>
        {props.errors?.people && <p class="error">{props.errors.people}</p>}
        {Array.from({ length: props.rows }, (_, i) => (
          <div class="row">
            <Select
              name={`personId_${i}`}
              label={t('manage.session.person', { n: i + 1 })}
              empty={t('manage.session.nobody')}
              options={peopleOptions}
              {...f}
            />
            <Select
              name={`role_${i}`}
              label={t('manage.session.role', { n: i + 1 })}
              empty=""
              options={sessionRoles.map((r) => [r, t(`programme.role.${r}`)])}
              {...f}
            />
          </div>
        ))}
      </fieldset>
      <div class={errors?.institutionIds ? 'field has-error' : 'field'}>
        <label for="f-institutionIds">{t('manage.session.institutions')}</label>
        <p class="hint" id="f-institutionIds-hint">
          {t('manage.session.institutionsHint')}
        </p>
        {errors?.institutionIds && (
          <p class="error" id="f-institutionIds-error">
            {errors.institutionIds}
          </p>
        )}
        <select
          id="f-institutionIds"
          name="institutionIds"
          multiple
          size={6}
          aria-describedby="f-institutionIds-hint"
        >
          {props.institutions.map((i) => (
            <option value={i.id} selected={chosen.has(i.id)}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <Field name="descriptionEs" label={t('manage.session.descriptionEs')} rows={4} {...f} />
      <Field name="descriptionEn" label={t('manage.session.descriptionEn')} rows={4} {...f} />
      <Select
        name="language"
        label={t('manage.session.language')}
        required
        options={sessionLanguages.map((l) => [l, t(`manage.session.language.${l}`)])}
        {...f}
      />
      <Field name="streamUrl" type="url" label={t('manage.session.stream')} {...f} />
      <Field name="recordingUrl" type="url" label={t('manage.session.recording')} {...f} />
      <label class="check">
        <input type="checkbox" name="doNotRecord" checked={values?.doNotRecord === 'on'} />{' '}
        {t('manage.session.doNotRecord')}
      </label>
      <Field name="position" type="number" label={t('manage.session.position')} {...f} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}
