import type { FieldErrors, FormValues } from '../../../http/form';
import type { Page } from '../../../views/page';

/** A select of people (or people and institutions in groups), keeping the submitted value. */
export function ChoiceSelect(props: {
  page: Page;
  name: string;
  label: string;
  hint?: string;
  groups: { label?: string; options: { value: string; label: string }[] }[];
  values?: FormValues | Record<string, string | undefined>;
  errors?: FieldErrors;
  empty: string;
}) {
  const id = `f-${props.name}`;
  const current = props.values?.[props.name];
  const selected = typeof current === 'string' ? current : '';
  const error = props.errors?.[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        <option value="">{props.empty}</option>
        {props.groups.map((g) =>
          g.label ? (
            <optgroup label={g.label}>{g.options.map(option)}</optgroup>
          ) : (
            g.options.map(option)
          ),
        )}
      </select>
    </div>
  );
}
