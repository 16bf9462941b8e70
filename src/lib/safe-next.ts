/**
 * Only same-site paths may be used as a redirect target after sign-in.
 *
 * @example
 * safeNext('/account'); // '/account'
 * safeNext('//evil.example'); // '/account'
 */
export function safeNext(value: unknown, fallback = '/account'): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  )
    return fallback;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  return value;
}
