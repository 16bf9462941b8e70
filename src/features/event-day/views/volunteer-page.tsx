/**
 * One volunteer of an event's roster for the organisers: their details and access, their shifts
 * (each removable), the form to add a shift (kept with its errors when refused), and the buttons
 * to give or end access, remove them and e-mail them their shifts.
 *
 * @example
 * <VolunteerPage page={page} event={event} paths={paths} volunteer={v} shifts={shifts}
 *   choices={choices} values={{ task: 'desk' }} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatDay, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { ProgrammeEvent } from '../../programme/schema';
import type { RosterShift } from '../list-roster';
import type { listShiftChoices } from '../queries';
import { volunteerTasks, type EventVolunteer } from '../schema';
import type { EventDayPaths } from '../routes/event-day-context';
import { accessText, ShiftText } from './shift-text';

export function VolunteerPage(props: {
  page: Page;
  event: ProgrammeEvent;
  paths: EventDayPaths;
  volunteer: EventVolunteer;
  shifts: RosterShift[];
  /** The event's sessions, its venue's rooms and its buses, for the shift form. */
  choices: Awaited<ReturnType<typeof listShiftChoices>>;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { page, event, paths, volunteer: v, shifts, choices, values, errors } = props;
  const { t } = page;
  const zone = event.timeZone;
  const base = `${paths.volunteers}/${v.id}`;
  return (
    <Layout page={page} title={`${v.name} · ${t('eventDay.volunteers.title')}`}>
      <p>
        <a href={paths.volunteers}>{t('eventDay.volunteers.title')}</a>
      </p>
      <h1>
        {v.name}
        {v.sample && <> ({t('eventDay.sample')})</>}
      </h1>
      <ErrorSummary page={page} errors={errors} />
      <dl>
        <dt>{t('eventDay.volunteer.institution')}</dt>
        <dd>{v.institution ?? '—'}</dd>
        <dt>{t('eventDay.volunteer.email')}</dt>
        <dd>{v.email ?? '—'}</dd>
        <dt>{t('eventDay.volunteer.lang')}</dt>
        <dd>{v.lang === 'en' ? 'English' : 'Español'}</dd>
        <dt>{t('eventDay.access')}</dt>
        <dd>{accessText(page, v, zone)}</dd>
      </dl>
      <h2>{t('eventDay.shifts')}</h2>
      {shifts.length === 0 ? (
        <p>{t('eventDay.shifts.none')}</p>
      ) : (
        <ul class="cards">
          {shifts.map((s) => (
            <li class="card">
              {formatDay(s.startsAt, page.lang, zone)},{' '}
              <ShiftText page={page} zone={zone} shift={s} />{' '}
              <form method="post" action={`${base}/shifts/${s.id}/remove`} class="inline">
                <Csrf page={page} />
                <button type="submit" class="secondary">
                  {t('eventDay.shifts.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('eventDay.shifts.add')}</h2>
      <form method="post" action={`${base}/shifts`} class="stack" novalidate>
        <Csrf page={page} />
        <Select
          name="task"
          label={t('eventDay.shift.task')}
          options={volunteerTasks.map((k) => [k, t(`eventDay.task.${k}`)])}
          values={values}
          errors={errors}
        />
        <p class="hint">{t('eventDay.shift.zoneHint', { zone })}</p>
        <Field
          name="startsAt"
          type="datetime-local"
          label={t('eventDay.shift.startsAt')}
          required
          values={values}
          errors={errors}
        />
        <Field
          name="endsAt"
          type="datetime-local"
          label={t('eventDay.shift.endsAt')}
          required
          values={values}
          errors={errors}
        />
        <Select
          name="sessionId"
          label={t('eventDay.shift.session')}
          empty={t('eventDay.shift.noSession')}
          options={choices.sessions.map((s) => [
            s.id,
            `${formatTime(s.startsAt, page.lang, zone)} ${localTitle(page, s)}`,
          ])}
          values={values}
          errors={errors}
        />
        <Select
          name="roomId"
          label={t('eventDay.shift.room')}
          empty={t('eventDay.shift.noRoom')}
          options={choices.rooms.map((r) => [r.id, r.name])}
          values={values}
          errors={errors}
        />
        <Select
          name="transportRouteId"
          label={t('eventDay.shift.bus')}
          empty={t('eventDay.shift.noBus')}
          options={choices.buses.map((b) => [b.id, b.name])}
          values={values}
          errors={errors}
        />
        <Field name="note" label={t('eventDay.shift.note')} values={values} errors={errors} />
        <button type="submit">{t('eventDay.shifts.add')}</button>
      </form>
      <h2>{t('eventDay.access')}</h2>
      <p>{t('eventDay.access.lead')}</p>
      <form method="post" action={`${base}/access`} class="stack">
        <Csrf page={page} />
        <button type="submit">{t('eventDay.access.give')}</button>
      </form>
      {v.accessUntil && (
        <form method="post" action={`${base}/access/end`} class="stack">
          <Csrf page={page} />
          <button type="submit" class="secondary">
            {t('eventDay.access.end')}
          </button>
        </form>
      )}
      <h2>{t('eventDay.volunteers.removeTitle')}</h2>
      <p>{t('eventDay.volunteers.removeLead')}</p>
      <form method="post" action={`${base}/remove`} class="stack">
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('eventDay.volunteers.remove', { name: v.name })}
        </button>
      </form>
      <h2>{t('eventDay.mail.title')}</h2>
      {v.email ? (
        <form method="post" action={`${base}/email`} class="stack">
          <Csrf page={page} />
          <button type="submit">{t('eventDay.mail.send', { email: v.email })}</button>
        </form>
      ) : (
        <Notice>{t('eventDay.mail.noEmail')}</Notice>
      )}
    </Layout>
  );
}
