/**
 * Text fit for the log: a failed query's parameter list (which holds names, e-mails and whatever
 * was typed) is cut off, and e-mail addresses are replaced. The logger passes every string it
 * writes through this, so a careless `String(error)` cannot leak personal data.
 *
 * @example
 * redactLogText('Failed query: select $1\nparams: ana@example.org'); // 'Failed query: select $1'
 * redactLogText('550 rejected: ana@example.org'); // '550 rejected: [e-mail]'
 */
export function redactLogText(text: string): string {
  return text
    .replace(/\s*params:[\s\S]*$/, '')
    .replace(/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[^\s@"'<>(),;:[\]]+/g, '[e-mail]');
}
