/**
 * Where a check-in happens: the event's entrance desk, or a bus on one of its trips. A person is
 * counted once per place.
 *
 * @example
 * deskPlace; // 'desk'
 * busPlace('6f1c…', 'outbound'); // 'bus:6f1c…:outbound'
 * parsePlace('bus:6f1c…:return'); // { kind: 'bus', routeId: '6f1c…', trip: 'return' }
 */
import { trips, type Trip } from './schema';

export const deskPlace = 'desk';

export const busPlace = (routeId: string, trip: Trip) => `bus:${routeId}:${trip}`;

export type Place = { kind: 'desk' } | { kind: 'bus'; routeId: string; trip: Trip };

export function parsePlace(place: string): Place | null {
  if (place === deskPlace) return { kind: 'desk' };
  const m = /^bus:([0-9a-f-]{36}):(\w+)$/i.exec(place);
  if (!m || !(trips as readonly string[]).includes(m[2]!)) return null;
  return { kind: 'bus', routeId: m[1]!.toLowerCase(), trip: m[2] as Trip };
}

/** What a ticket's QR code or a scanner types: `CONVOCA-TICKET:CODE`, or just the code. */
export function ticketCodeOf(text: string): string | null {
  const code = text
    .trim()
    .replace(/^CONVOCA-TICKET:/i, '')
    .toUpperCase();
  return /^[A-Z0-9]{10}$/.test(code) ? code : null;
}
