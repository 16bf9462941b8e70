import type { FieldErrors, FormValues } from '../http/form';

/**
 * A labelled select whose options are translated, keeping the submitted value and showing the
 * error beside it.
 *
 * @example
 * <Select name="group" label="Sector" options={[['academia', 'Academia']]} values={values} />
 */
export function Select(props: {
  name: string;
  label: string;
  options: [value: string, label: string][];
  values?: FormValues | Record<string, string | undefined>;
  errors?: FieldErrors;
  empty?: string;
  required?: boolean;
}) {
  const id = `f-${props.name}`;
  const current = props.values?.[props.name];
  const selected = typeof current === 'string' ? current : '';
  const error = props.errors?.[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === selected}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
