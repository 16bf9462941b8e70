/**
 * How the event-day pages show a volunteer's shift in one line, and their access in words.
 *
 * @example
 * <ShiftText page={page} zone={event.timeZone} shift={s} />
 * accessText(page, volunteer, event.timeZone); // 'Until 5 Oct 2018, 20:00'
 */
import { formatDateTime, formatTime } from '../../../lib/format';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import type { RosterShift } from '../list-roster';
import type { EventVolunteer } from '../schema';

/** A shift in a short line: times (zone), task, where. */
export function ShiftText(props: { page: Page; zone: string; shift: RosterShift }) {
  const { t, lang } = props.page;
  const s = props.shift;
  const where = [
    s.sessionId
      ? localTitle(props.page, { titleEs: s.sessionTitleEs ?? '', titleEn: s.sessionTitleEn })
      : null,
    s.room,
    s.route,
    s.note,
  ].filter(Boolean);
  return (
    <>
      <time datetime={s.startsAt.toISOString()}>{formatTime(s.startsAt, lang, props.zone)}</time>–
      <time datetime={s.endsAt.toISOString()}>{formatTime(s.endsAt, lang, props.zone)}</time> ·{' '}
      <strong>{t(`eventDay.task.${s.task}`)}</strong>
      {where.length > 0 && <> · {where.join(' · ')}</>}
    </>
  );
}

/** Until when the volunteer may open the event's day pages, in words. */
export function accessText(page: Page, v: EventVolunteer, zone: string) {
  const { t, lang } = page;
  if (!v.accessUntil) return t('eventDay.access.none');
  if (v.accessUntil <= new Date()) return t('eventDay.access.over');
  return t('eventDay.access.until', { date: formatDateTime(v.accessUntil, lang, zone) });
}
