import type { FieldErrors, FormValues } from '../../../http/form';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';

/**
 * The session form's topic as a choice of the edition's tracks. The value stays the programme's
 * free-text `topic`, so imports, exports and older sessions keep working; a session whose topic
 * is not a track keeps it as an extra option, marked, rather than losing it.
 *
 * @example
 * <TrackSelect page={page} tracks={['Neutralidad de la red']} values={values} />
 */
export function TrackSelect(props: {
  page: Page;
  tracks: string[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = props.page;
  const current = typeof props.values?.topic === 'string' ? props.values.topic : '';
  const options: [string, string][] = props.tracks.map((name) => [name, name]);
  if (current && !props.tracks.includes(current))
    options.push([current, t('topics.sessionTrack.other', { name: current })]);
  return (
    <>
      <Select
        name="topic"
        label={t('topics.sessionTrack')}
        empty={t('topics.sessionTrack.none')}
        options={options}
        values={props.values}
        errors={props.errors}
      />
      <p class="hint">{t('topics.sessionTrack.hint')}</p>
    </>
  );
}
