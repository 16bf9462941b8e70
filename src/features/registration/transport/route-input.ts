/**
 * The organisers' route form: a name, the stops in order typed one per line ("08:00 Universidad
 * de San Carlos" or just a name), departure and return typed in the event's zone, and seats.
 * Messages are catalogue keys, shown beside each field in the reader's language.
 *
 * @example
 * const form = await readForm(c, routeForm(event.timeZone));
 * if (form.ok) await saveRoute({ db, eventId, input: form.data });
 * parseStops('07:30 USAC\nUNIS'); // { ok: true, stops: [{ name: 'USAC', time: '07:30' }, { name: 'UNIS', time: null }] }
 */
import { z } from 'zod';
import { fields } from '../../../lib/fields';

export type Stop = { name: string; time: string | null };

export type RouteInput = {
  name: string;
  stops: Stop[];
  departsAt: Date | null;
  returnsAt: Date | null;
  seats: number;
};

export const MAX_STOPS = 30;

/** Reads the stops text; on a bad line, the message key with its line number. */
export function parseStops(
  text: string,
): { ok: true; stops: Stop[] } | { ok: false; message: string } {
  const stops: Stop[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{1,2})[:.h](\d{2})(?:\s*h)?(?:\s*[-–—]\s*|\s+)(.*)$/.exec(line);
    const looksTimed = /^\d{1,2}[:.h]\d{2}\b/.test(line);
    let name = line;
    let time: string | null = null;
    if (m) {
      const [h, min] = [Number(m[1]), Number(m[2])];
      if (h > 23 || min > 59)
        return { ok: false, message: `transport.form.stopTime|line=${i + 1}` };
      time = `${String(h).padStart(2, '0')}:${m[2]}`;
      name = m[3]!.trim();
    } else if (looksTimed) return { ok: false, message: `transport.form.stopName|line=${i + 1}` };
    if (!name) return { ok: false, message: `transport.form.stopName|line=${i + 1}` };
    if (name.length > 200) return { ok: false, message: `transport.form.stopLong|line=${i + 1}` };
    stops.push({ name, time });
  }
  if (stops.length === 0) return { ok: false, message: 'transport.form.noStops' };
  if (stops.length > MAX_STOPS)
    return { ok: false, message: `transport.form.tooManyStops|max=${MAX_STOPS}` };
  return { ok: true, stops };
}

/** The stops as the organiser types them, for the edit form. */
export const stopsText = (stops: Stop[]) =>
  stops.map((s) => (s.time ? `${s.time} ${s.name}` : s.name)).join('\n');

const localDateTime = fields.localDateTime;

export function routeForm(zone: string) {
  return z
    .object({
      name: fields.text({ max: 120 }),
      stops: z
        .string({ error: 'transport.form.noStops' })
        .max(8000, 'form.tooLong|max=8000')
        .transform((v, ctx) => {
          const parsed = parseStops(v);
          if (!parsed.ok) {
            ctx.addIssue({ code: 'custom', message: parsed.message });
            return z.NEVER;
          }
          return parsed.stops;
        }),
      departsAt: localDateTime(zone),
      returnsAt: localDateTime(zone),
      seats: fields.count(1, 1000),
    })
    .superRefine((v, ctx) => {
      if (v.departsAt && v.returnsAt && v.returnsAt <= v.departsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['returnsAt'],
          message: 'transport.form.returnBeforeDeparture',
        });
    })
    .transform((v): RouteInput => v);
}
