/**
 * Session descriptions are stored as they were typed or imported; imported ones are often HTML
 * (frab and pretalx write `<p>`, `<br>`, `<a>`, lists). Pages and calendars show them as text:
 * when a description contains HTML tags, the tags are dropped (block elements and `<br>` become
 * line breaks, list items a bullet) and character references decoded; text without tags is kept
 * exactly, so a literal `&lt;-&gt;` or `a < b` typed by an organiser stays as typed. The result is
 * plain text, which JSX escapes, so nothing in it can become markup.
 *
 * @example
 * plainTextOf('<p>Uno &amp; dos</p><p>tres</p>'); // 'Uno & dos\n\ntres'
 * plainTextOf('a <-> b'); // 'a <-> b'
 * paragraphsOf('<p>Uno</p><p>Dos</p>'); // ['Uno', 'Dos']
 */

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/** The description as plain text (see the module's note); '' for nothing. */
export function plainTextOf(description: string | null | undefined): string {
  const text = description ?? '';
  if (!TAG.test(text)) return text.trim();
  return decode(
    text
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n• ')
      .replace(/<\/(p|div|h[1-6]|ul|ol|li|blockquote|pre|tr|table)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, '')
      .replace(/[ \t]+\n/g, '\n'),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The description's paragraphs (split on blank lines), for a page to show one `<p>` each. */
export function paragraphsOf(description: string | null | undefined): string[] {
  return plainTextOf(description)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
