/**
 * The dates and instants of a meeting cadence: once, every N days (e.g. every 15), on chosen
 * weekdays each week (e.g. Tuesday and Thursday), or every day, between two dates inclusive, at
 * one wall-clock time in an IANA zone. Pure; a day whose time does not exist in the zone (a
 * daylight-saving gap) is skipped and reported.
 *
 * @example
 * meetingTimes({ kind: 'every_n_days', intervalDays: 15, startsOn: '2018-05-05', endsOn: '2018-06-05', time: '10:00', timeZone: 'America/Guatemala' });
 * // { times: [2018-05-05T16:00Z, 2018-05-20T16:00Z, 2018-06-04T16:00Z], skipped: [] }
 */
import { instantInZone } from '../../../lib/format';
import type { CadenceKind } from '../schema';

/** More meetings than this from one cadence is refused (a typo in the dates, most likely). */
export const MAX_MEETINGS_PER_CADENCE = 200;

export type Cadence = {
  kind: CadenceKind;
  startsOn: string;
  /** Ignored for `once`. */
  endsOn: string;
  time: string;
  timeZone: string;
  intervalDays?: number | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays?: number[] | null;
};

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar days of the cadence (YYYY-MM-DD), in order. */
export function cadenceDays(c: Omit<Cadence, 'time' | 'timeZone'>): string[] {
  const start = Date.parse(`${c.startsOn}T00:00:00Z`);
  if (Number.isNaN(start)) return [];
  if (c.kind === 'once') return [c.startsOn];
  const end = Date.parse(`${c.endsOn}T00:00:00Z`);
  if (Number.isNaN(end) || end < start) return [];
  const days: string[] = [];
  const step = c.kind === 'every_n_days' ? Math.max(1, c.intervalDays ?? 1) : 1;
  const weekdays = new Set(c.weekdays ?? []);
  for (let ms = start; ms <= end && days.length <= MAX_MEETINGS_PER_CADENCE; ms += step * DAY) {
    if (c.kind === 'weekly') {
      const iso = new Date(ms).getUTCDay() || 7;
      if (!weekdays.has(iso)) continue;
    }
    days.push(toDay(ms));
  }
  return days;
}

export function meetingTimes(c: Cadence): { times: Date[]; skipped: string[] } {
  const times: Date[] = [];
  const skipped: string[] = [];
  for (const day of cadenceDays(c)) {
    const at = instantInZone(day, c.time, c.timeZone);
    if (at) times.push(at);
    else skipped.push(day);
  }
  return { times, skipped };
}
