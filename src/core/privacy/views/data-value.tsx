import type { Child } from 'hono/jsx';

/**
 * Any value of a person's data as it is stored and downloaded: objects as definition lists with
 * their field names, lists as lists, dates in ISO form, empty values as a dash.
 *
 * @example
 * <DataValue value={{ email: 'ana@example.org', sessions: ['a', 'b'] }} />
 */
export function DataValue(props: { value: unknown }): Child {
  const v = props.value;
  if (v === null || v === undefined || v === '') return <span aria-label="—">—</span>;
  if (v instanceof Date) return <time datetime={v.toISOString()}>{v.toISOString()}</time>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span>—</span>;
    return (
      <ul>
        {v.map((item) => (
          <li>
            <DataValue value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof v === 'object')
    return (
      <dl class="facts">
        {Object.entries(v).map(([k, item]) => (
          <>
            <dt>
              <code>{k}</code>
            </dt>
            <dd>
              <DataValue value={item} />
            </dd>
          </>
        ))}
      </dl>
    );
  return <>{String(v)}</>;
}
