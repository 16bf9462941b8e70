/**
 * Removes what no text field, XML document or iCalendar line may carry: NUL and the other C0
 * control characters (tab, line feed and carriage return stay), the non-characters U+FFFE and
 * U+FFFF, and lone UTF-16 surrogates. Used where input comes in and where exports go out.
 *
 * @example
 * stripControls('a\u0000b\u0001c\td'); // 'abc\td'
 * stripControlsDeep({ title: 'x\u0007', tags: ['\u0000y'] }); // { title: 'x', tags: ['y'] }
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripControls(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Whether `text` holds anything `stripControls` would remove. */
export function hasControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** The same for every string (keys included) inside plain JSON-like data; dates are kept. */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlsDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[stripControls(k)] = stripControlsDeep(v);
    return out as T;
  }
  return value;
}
