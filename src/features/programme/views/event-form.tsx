import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { eventKinds } from '../schema';

/** The new-event and edit-event form; times are wall-clock times in the chosen zone. */
export function EventForm(props: {
  page: Page;
  action: string;
  submit: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  const { values, errors } = props;
  const f = { values, errors };
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <Csrf page={props.page} />
      <ErrorSummary page={props.page} errors={errors} />
      <Select
        name="kind"
        label={t('manage.event.kind')}
        required
        options={eventKinds.map((k) => [k, t(`programme.kind.${k}`)])}
        {...f}
      />
      <Field name="titleEs" label={t('manage.event.titleEs')} required {...f} />
      <Field name="titleEn" label={t('manage.event.titleEn')} {...f} />
      <Field name="descriptionEs" label={t('manage.event.descriptionEs')} rows={4} {...f} />
      <Field name="descriptionEn" label={t('manage.event.descriptionEn')} rows={4} {...f} />
      <Field
        name="timeZone"
        label={t('manage.event.zone')}
        hint={t('manage.event.zoneHint')}
        required
        {...f}
      />
      <div class="row">
        <Field name="startDay" type="date" label={t('manage.event.startDay')} required {...f} />
        <Field name="endDay" type="date" label={t('manage.event.endDay')} required {...f} />
      </div>
      <div class="row">
        <Field
          name="startTime"
          type="time"
          label={t('manage.event.startTime')}
          hint={t('manage.event.timesHint')}
          {...f}
        />
        <Field name="endTime" type="time" label={t('manage.event.endTime')} {...f} />
      </div>
      <Select
        name="visibility"
        label={t('manage.event.visibility')}
        required
        options={[
          ['public', t('manage.event.visibility.public')],
          ['invitation', t('manage.event.visibility.invitation')],
        ]}
        {...f}
      />
      <Field name="streamUrl" type="url" label={t('manage.event.stream')} {...f} />
      <fieldset>
        <legend>{t('manage.event.venue')}</legend>
        <Field name="venueName" label={t('manage.event.venueName')} {...f} />
        <Field name="venueAddress" label={t('manage.event.venueAddress')} {...f} />
        <Field name="venueMapUrl" type="url" label={t('manage.event.venueMap')} {...f} />
        <Field name="venueDirections" label={t('manage.event.venueDirections')} rows={3} {...f} />
      </fieldset>
      <button type="submit">{props.submit}</button>
    </form>
  );
}
