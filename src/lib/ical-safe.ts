/**
 * Keeps a generated iCalendar well-formed whatever was stored. The generator escapes line breaks
 * in summaries and descriptions but writes calendar names as given, so a name goes through
 * `safeIcalName` (one line), and the whole text through `safeIcalText` (no control characters,
 * no line break other than the CRLF that ends each content line).
 *
 * @example
 * ical({ name: safeIcalName('IGF\r\nBEGIN:VEVENT') }); // name 'IGF BEGIN:VEVENT'
 * return safeIcalText(calendar.toString());
 */
import { stripControls } from './strip-controls';

export function safeIcalName(name: string): string {
  return stripControls(name)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

export function safeIcalText(text: string): string {
  return stripControls(text).replace(/\r(?!\n)|(?<!\r)\n/g, ' ');
}
