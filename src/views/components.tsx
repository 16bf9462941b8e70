import type { Child } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../http/form';
import type { Page } from './page';

/** The hidden CSRF field every form carries. */
export function Csrf(props: { page: Page }) {
  return <input type="hidden" name="_csrf" value={props.page.csrfToken} />;
}

/** A labelled input with an optional hint and its error message right beside it. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  values?: FormValues;
  errors?: FieldErrors;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  value?: string;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  min?: string;
  max?: string;
}) {
  const id = `f-${props.name}`;
  const error = props.errors?.[props.name];
  const value =
    props.value ??
    (typeof props.values?.[props.name] === 'string' ? (props.values[props.name] as string) : '');
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
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
      {props.rows ? (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described || undefined}
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : value}
          autocomplete={props.autocomplete}
          required={props.required}
          min={props.min}
          max={props.max}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described || undefined}
        />
      )}
    </div>
  );
}

/** A summary at the top of a form that failed validation. */
export function ErrorSummary(props: { page: Page; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  if (Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{props.page.t('form.errorSummary')}</p>
      {errors._form && <p>{errors._form}</p>}
    </div>
  );
}

export function Notice(props: { children: Child; kind?: 'info' | 'error' }) {
  return (
    <p
      class={props.kind === 'error' ? 'notice error' : 'notice'}
      role={props.kind === 'error' ? 'alert' : 'status'}
    >
      {props.children}
    </p>
  );
}

/** Previous/next links for a paged list; keeps the other query parameters. */
export function Pagination(props: {
  page: Page;
  current: number;
  total: number;
  perPage: number;
  query?: Record<string, string>;
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  if (pages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams({ ...(props.query ?? {}), page: String(n) });
    return `${props.page.path}?${q.toString()}`;
  };
  const { t } = props.page;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {props.current > 1 && (
        <a href={href(props.current - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      )}
      <span aria-current="page">
        {t('pagination.page', { page: props.current })} / {pages}
      </span>
      {props.current < pages && (
        <a href={href(props.current + 1)} rel="next">
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}

/** A wide table that scrolls sideways on a phone; the region is focusable so keyboards can scroll it. */
export function TableWrap(props: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
