import { inputErrorsOrThrow } from '../../../http/input-error';
import { isUuid } from '../../../lib/uuid';
import { Hono, type Context } from 'hono';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatNumber, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { localTitle } from '../../../views/local-title';
import { eventDayAccess } from '../access';
import {
  loadAttendance,
  mostAttendedSessions,
  peakCount,
  percentOf,
  type SessionAttendance,
} from '../attendance';
import { roomCountForm } from '../event-day-input';
import { eventDayPermissions } from '../permissions';
import { findEventSession } from '../queries';
import { recordRoomCount } from '../record-room-count';
import { countMoments, type CountMoment } from '../schema';
import { EVENT, eventBase } from './event-day-context';

const counters = () => eventDayAccess(eventDayPermissions.recordRoomCounts);
/** The kinds the "most attended" list compares (the seed's "panels"). */
export const RANKED_KINDS = ['panel', 'workshop'] as const;

/**
 * Which count a volunteer is most likely taking now: the start in the first quarter of an hour,
 * the end in the last, the middle otherwise.
 *
 * @example
 * suggestedMoment({ startsAt, endsAt }, new Date()); // 'middle'
 */
export function suggestedMoment(s: { startsAt: Date; endsAt: Date }, now: Date): CountMoment {
  const quarter = 15 * 60 * 1000;
  if (now.getTime() < s.startsAt.getTime() + quarter) return 'start';
  if (now.getTime() > s.endsAt.getTime() - quarter) return 'end';
  return 'middle';
}

function countsText(page: Page, r: SessionAttendance) {
  return countMoments
    .map((m) =>
      r.counts[m] === undefined
        ? `${page.t(`eventDay.moment.${m}`)}: —`
        : `${page.t(`eventDay.moment.${m}`)}: ${formatNumber(r.counts[m], page.lang)}`,
    )
    .join(' · ');
}

async function sessionOf(c: Context<AppEnv>, eventId: string) {
  const id = c.req.param('session') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const s = await findEventSession(c.var.deps.db, { eventId, sessionId: id });
  if (!s) throw new AppError('not_found');
  return s;
}

async function listPage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, paths } = eventBase(c);
  const rows = await loadAttendance(c.var.deps.db, event.id);
  const zone = event.timeZone;
  const title = `${t('eventDay.counts.title')} · ${localTitle(page, event)}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href="/my/volunteering">{t('eventDay.my.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('eventDay.counts.lead')} {t('eventDay.timesIn', { zone })}
      </p>
      {rows.length === 0 ? (
        <p>{t('eventDay.counts.noSessions')}</p>
      ) : (
        <ul class="cards">
          {rows.map((r) => (
            <li class="card">
              <a href={`${paths.counts}/${r.sessionId}`}>
                {formatTime(r.startsAt, lang, zone)} · {localTitle(page, r)}
              </a>
              <br />
              {r.room ?? t('eventDay.counts.noRoom')}
              <br />
              {countsText(page, r)}
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

async function formPage(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors } = {}) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, paths } = eventBase(c);
  const session = await sessionOf(c, event.id);
  const row = (await loadAttendance(c.var.deps.db, event.id)).find(
    (r) => r.sessionId === session.id,
  )!;
  const zone = event.timeZone;
  const moment =
    typeof o.values?.moment === 'string' ? o.values.moment : suggestedMoment(session, new Date());
  const error = o.errors?.moment;
  return render(
    c,
    <Layout page={page} title={`${t('eventDay.counts.record')} · ${localTitle(page, session)}`}>
      <p>
        <a href={paths.counts}>{t('eventDay.counts.title')}</a>
      </p>
      <h1>{localTitle(page, session)}</h1>
      <p>
        {formatTime(session.startsAt, lang, zone)}–{formatTime(session.endsAt, lang, zone)} ({zone})
        · {row.room ?? t('eventDay.counts.noRoom')}
        {row.capacity !== null && <> · {t('eventDay.capacity', { count: row.capacity })}</>}
      </p>
      <p>{countsText(page, row)}</p>
      <form method="post" action={`${paths.counts}/${session.id}`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <fieldset
          class={error ? 'field has-error' : 'field'}
          aria-describedby={error ? 'f-moment-error' : undefined}
        >
          <legend>{t('eventDay.counts.moment')}</legend>
          {error && (
            <p class="error" id="f-moment-error">
              {error}
            </p>
          )}
          {countMoments.map((m) => (
            <label class="check">
              <input type="radio" name="moment" value={m} checked={m === moment} />{' '}
              {t(`eventDay.moment.${m}`)}
            </label>
          ))}
        </fieldset>
        <Field
          name="headcount"
          type="number"
          min="0"
          max="5000"
          label={t('eventDay.counts.headcount')}
          hint={t('eventDay.counts.headcountHint')}
          required
          values={o.values}
          errors={o.errors}
        />
        <button type="submit">{t('eventDay.counts.save')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function attendancePage(c: Context<AppEnv>) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { event, paths } = eventBase(c);
  const rows = await loadAttendance(c.var.deps.db, event.id);
  const top = mostAttendedSessions(rows, { limit: 3, kinds: RANKED_KINDS });
  const zone = event.timeZone;
  const pct = (n: number | null) => (n === null ? '—' : `${formatNumber(n, lang)} %`);
  const title = `${t('eventDay.attendance.title')} · ${localTitle(page, event)}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={paths.event}>{localTitle(page, event)}</a> ·{' '}
        <a href={paths.counts}>{t('eventDay.counts.title')}</a> ·{' '}
        <a href={paths.volunteers}>{t('eventDay.volunteers.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('eventDay.attendance.lead')}</p>
      {rows.some((r) => r.sample) && <Notice>{t('eventDay.attendance.sample')}</Notice>}
      <h2>{t('eventDay.attendance.most')}</h2>
      {top.length === 0 ? (
        <p>{t('eventDay.attendance.noCounts')}</p>
      ) : (
        <ol>
          {top.map((r) => (
            <li>
              {localTitle(page, r)} —{' '}
              {t('eventDay.attendance.people', { count: formatNumber(r.peak, lang) })}
            </li>
          ))}
        </ol>
      )}
      <TableWrap label={t('eventDay.attendance.title')}>
        <table>
          <caption>{t('eventDay.timesIn', { zone })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventDay.attendance.session')}</th>
              <th scope="col">{t('eventDay.attendance.room')}</th>
              {countMoments.map((m) => (
                <th scope="col">{t(`eventDay.moment.${m}`)}</th>
              ))}
              <th scope="col">{t('eventDay.attendance.peak')}</th>
              <th scope="col">{t('eventDay.attendance.capacity')}</th>
              <th scope="col">{t('eventDay.attendance.ofCapacity')}</th>
              <th scope="col">{t('eventDay.attendance.interested')}</th>
              <th scope="col">{t('eventDay.attendance.ofInterest')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const peak = peakCount(r.counts);
              return (
                <tr>
                  <th scope="row">
                    {formatTime(r.startsAt, lang, zone)} {localTitle(page, r)}
                  </th>
                  <td>{r.room ?? '—'}</td>
                  {countMoments.map((m) => (
                    <td>{r.counts[m] === undefined ? '—' : formatNumber(r.counts[m], lang)}</td>
                  ))}
                  <td>{peak === null ? '—' : formatNumber(peak, lang)}</td>
                  <td>{r.capacity === null ? '—' : formatNumber(r.capacity, lang)}</td>
                  <td>{pct(percentOf(peak, r.capacity))}</td>
                  <td>{formatNumber(r.interested, lang)}</td>
                  <td>{pct(percentOf(peak, r.interested))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </Layout>,
  );
}

export const roomCountRoutes = new Hono<AppEnv>()
  .get(`${EVENT}/room-counts`, counters(), (c) => listPage(c))
  .get(`${EVENT}/room-counts/:session`, counters(), (c) => formPage(c))
  .post(`${EVENT}/room-counts/:session`, counters(), async (c) => {
    const { event, paths } = eventBase(c);
    const session = await sessionOf(c, event.id);
    const form = await readForm(c, roomCountForm);
    if (!form.ok) return formPage(c, form);
    try {
      await audited(
        c,
        (tx) =>
          recordRoomCount(tx, {
            eventId: event.id,
            sessionId: session.id,
            moment: form.data.moment,
            headcount: form.data.headcount,
            userId: c.var.user!.id,
          }),
        ({ count, previous }) => ({
          action: 'event_day.room_count_recorded',
          targetType: 'programme_session',
          targetId: session.id,
          data: { moment: count.moment, headcount: count.headcount, previous },
        }),
      );
    } catch (error) {
      return formPage(c, {
        values: form.values,
        errors: inputErrorsOrThrow(c, error),
      });
    }
    setFlash(c, 'eventDay.counts.saved', {
      count: form.data.headcount,
      moment: c.var.t(`eventDay.moment.${form.data.moment}`),
    });
    return c.redirect(paths.counts, 303);
  })
  .get(`${EVENT}/attendance`, eventDayAccess(eventDayPermissions.viewAttendance), (c) =>
    attendancePage(c),
  );
