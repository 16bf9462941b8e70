/**
 * The meeting pages: scheduling one meeting or a cadence, and one meeting with its minutes,
 * decisions and tasks.
 */
import { raw } from 'hono/html';
import type { FieldErrors, FormValues } from '../../../http/form';
import { dayKey, formatDateTime, formatTime } from '../../../lib/format';
import { renderMarkdown } from '../../../lib/render-markdown';
import { Csrf, ErrorSummary, Field, Notice } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { ActionRow, ownerChoices } from '../actions/queries';
import type { MeetingView } from '../meetings/queries';
import { cadenceKinds } from '../schema';
import { ActionForm } from './action-form';
import { TaskTable } from './task-table';

/**
 * When a meeting takes place, start to end, in its zone.
 *
 * @example
 * when(page, meeting); // '25 oct 2018, 10:00–11:00 (America/Guatemala)'
 */
export function when(page: Page, m: { startsAt: Date; durationMinutes: number; timeZone: string }) {
  const end = new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
  return `${formatDateTime(m.startsAt, page.lang, m.timeZone)}–${formatTime(end, page.lang, m.timeZone)} (${m.timeZone})`;
}

const weekdayNames = (page: Page) =>
  [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    // 2018-01-01 was a Monday.
    label: new Intl.DateTimeFormat(page.lang === 'en' ? 'en-GB' : 'es-GT', {
      weekday: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2018, 0, d))),
  }));

export type NewMeetingViewProps = {
  page: Page;
  title: string;
  base: string;
  initiativeName: string;
  committee: { timeZone: string; groups: { id: string; name: string }[] };
  values: FormValues;
  errors?: FieldErrors;
};

/**
 * The form scheduling one meeting or a cadence of them, in the committee's zone.
 *
 * @example
 * render(c, <NewMeetingView page={page} title={title} base={base} initiativeName={initiativeName} committee={committee} values={values} errors={errors} />);
 */
export function NewMeetingView(props: NewMeetingViewProps) {
  const { page, title, base, initiativeName, committee, values, errors } = props;
  const { t } = page;
  const ticked = new Set([values.weekdays ?? []].flat());
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings`}>{t('committee.meetings.titleOf', { name: initiativeName })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${base}/meetings`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={errors} />
        <Field
          name="title"
          label={t('committee.meeting.title')}
          hint={t('committee.meeting.titleHint')}
          required
          values={values}
          errors={errors}
        />
        <Select
          name="workingGroupId"
          label={t('committee.meeting.who')}
          empty={t('committee.meeting.wholeCommittee')}
          options={committee.groups.map((g) => [g.id, g.name])}
          values={values}
          errors={errors}
        />
        <Select
          name="kind"
          label={t('committee.meeting.kind')}
          options={cadenceKinds.map((k) => [k, t(`committee.meeting.kind.${k}`)])}
          values={values}
          errors={errors}
        />
        <Field
          name="startsOn"
          type="date"
          label={t('committee.meeting.startsOn')}
          required
          values={values}
          errors={errors}
        />
        <Field
          name="endsOn"
          type="date"
          label={t('committee.meeting.endsOn')}
          hint={t('committee.meeting.endsOnHint')}
          values={values}
          errors={errors}
        />
        <Field
          name="intervalDays"
          type="number"
          min="1"
          max="90"
          label={t('committee.meeting.interval')}
          hint={t('committee.meeting.intervalHint')}
          values={values}
          errors={errors}
        />
        <fieldset class={errors?.weekdays ? 'field has-error' : 'field'}>
          <legend>{t('committee.meeting.weekdays')}</legend>
          <p class="hint">{t('committee.meeting.weekdaysHint')}</p>
          {errors?.weekdays && <p class="error">{errors.weekdays}</p>}
          {weekdayNames(page).map((d) => (
            <label class="check">
              <input
                type="checkbox"
                name="weekdays"
                value={d.value}
                checked={ticked.has(d.value)}
              />{' '}
              {d.label}
            </label>
          ))}
        </fieldset>
        <Field
          name="time"
          type="time"
          label={t('committee.meeting.time')}
          hint={t('committee.meeting.timeHint', { zone: committee.timeZone })}
          required
          values={values}
          errors={errors}
        />
        <Field
          name="durationMinutes"
          type="number"
          min="15"
          max="720"
          label={t('committee.meeting.duration')}
          required
          values={values}
          errors={errors}
        />
        <Field name="place" label={t('committee.meeting.place')} values={values} errors={errors} />
        <Field
          name="onlineUrl"
          type="url"
          label={t('committee.meeting.online')}
          values={values}
          errors={errors}
        />
        <Field
          name="agenda"
          rows={4}
          label={t('committee.meeting.agenda')}
          hint={t('committee.meeting.agendaHint')}
          values={values}
          errors={errors}
        />
        <button type="submit">{title}</button>
      </form>
    </Layout>
  );
}

export type MeetingPageViewProps = {
  page: Page;
  title: string;
  base: string;
  initiativeName: string;
  meeting: MeetingView;
  edit: boolean;
  tasks: ActionRow[];
  owners: Awaited<ReturnType<typeof ownerChoices>> | undefined;
  values?: FormValues;
  errors?: FieldErrors;
};

/**
 * One meeting: when and where, agenda, attendance, minutes, decisions, its tasks and, for editors, the forms that change it.
 *
 * @example
 * render(c, <MeetingPageView page={page} title={title} base={base} initiativeName={initiativeName} meeting={meeting} edit={edit} tasks={tasks} owners={owners} values={values} errors={errors} />);
 */
export function MeetingPageView(props: MeetingPageViewProps) {
  const { page, title, base, initiativeName, meeting, edit, tasks, owners, values, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings`}>{t('committee.meetings.titleOf', { name: initiativeName })}</a>
      </p>
      <h1>{meeting.title}</h1>
      {meeting.cancelled && <Notice kind="error">{t('committee.meeting.isCancelled')}</Notice>}
      {meeting.sample && <Notice>{t('committee.sampleNote')}</Notice>}
      <dl class="facts">
        <dt>{t('committee.meeting.when')}</dt>
        <dd>{when(page, meeting)}</dd>
        <dt>{t('committee.meeting.who')}</dt>
        <dd>{meeting.group ?? t('committee.meeting.wholeCommittee')}</dd>
        {meeting.place && (
          <>
            <dt>{t('committee.meeting.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <dt>{t('committee.meeting.online')}</dt>
            <dd>
              <a href={meeting.onlineUrl} rel="nofollow noopener">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {meeting.source && <p class="hint">{t('committee.source', { source: meeting.source })}</p>}
      <h2>{t('committee.meeting.agenda')}</h2>
      {meeting.agenda.length ? (
        <ol>
          {meeting.agenda.map((a) => (
            <li>{a.title}</li>
          ))}
        </ol>
      ) : (
        <p>{t('committee.none')}</p>
      )}
      <h2>{t('committee.meeting.attendance')}</h2>
      <p>
        {t('committee.meeting.attended', {
          count: meeting.attended.length,
          total: meeting.invitees.length,
        })}
        {meeting.attended.length > 0 && <> {meeting.attended.map((p) => p.name).join(', ')}</>}
      </p>
      <h2>{t('committee.meeting.minutes')}</h2>
      <p data-minutes-status={meeting.minutesStatus}>
        <strong>{t(`committee.minutes.status.${meeting.minutesStatus}`)}</strong>
        {meeting.minutesApprovedAt && (
          <>
            {' '}
            {t('committee.minutes.approvedOn', {
              date: formatDateTime(meeting.minutesApprovedAt, page.lang, meeting.timeZone),
            })}
          </>
        )}
      </p>
      {meeting.minutes ? (
        <div class="minutes">{raw(renderMarkdown(meeting.minutes))}</div>
      ) : (
        <p>{t('committee.minutes.none')}</p>
      )}
      <h2>{t('committee.meeting.decisions')}</h2>
      {meeting.decisions.length ? (
        <ul>
          {meeting.decisions.map((d) => (
            <li>{d.text}</li>
          ))}
        </ul>
      ) : (
        <p>{t('committee.none')}</p>
      )}
      {edit && meeting.minutesStatus !== 'approved' && (
        <ul class="inline-list">
          <li>
            <a href={`${base}/meetings/${meeting.id}/record`}>{t('committee.meeting.record')}</a>
          </li>
        </ul>
      )}
      {edit && (
        <form method="post" action={`${base}/meetings/${meeting.id}/cancel`}>
          <Csrf page={page} />
          <input type="hidden" name="cancelled" value={meeting.cancelled ? 'no' : 'yes'} />
          <button type="submit" class="secondary">
            {t(meeting.cancelled ? 'committee.meeting.restore' : 'committee.meeting.cancel')}
          </button>
        </form>
      )}
      {edit && meeting.minutesStatus === 'draft' && (
        <form method="post" action={`${base}/meetings/${meeting.id}/approve`} class="stack">
          <Csrf page={page} />
          <p class="hint">{t('committee.minutes.approveHint')}</p>
          <button type="submit">{t('committee.minutes.approve')}</button>
        </form>
      )}
      <h2>{t('committee.tasks.fromMeeting')}</h2>
      <TaskTable
        page={page}
        rows={tasks}
        today={dayKey(new Date(), meeting.timeZone)}
        href={(r) => `${base}/tasks/${r.id}`}
        caption={t('committee.tasks.fromMeeting')}
      />
      {edit && owners && (
        <>
          <h3>{t('committee.tasks.new')}</h3>
          <ActionForm
            page={page}
            action={`${base}/meetings/${meeting.id}/tasks`}
            owners={owners}
            meetingId={meeting.id}
            values={values}
            errors={errors}
          />
        </>
      )}
    </Layout>
  );
}
