import { InputError } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../../http/errors';
import { raw } from 'hono/html';
import { audit } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey, formatDateTime, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, Notice, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { actionForm } from '../actions/action-input';
import { createActionItem } from '../actions/create-action-item';
import { listActionItems, ownerChoices } from '../actions/queries';
import { cancelMeeting } from '../meetings/cancel-meeting';
import { approveMinutes } from '../meetings/approve-minutes';
import { recordForm, scheduleForm } from '../meetings/meeting-input';
import { listMeetings, type MeetingRow, type MeetingView } from '../meetings/queries';
import { recordMeeting } from '../meetings/record-meeting';
import { renderMarkdown } from '../../../lib/render-markdown';
import { scheduleMeetings } from '../meetings/schedule-meetings';
import { committeeTimeZone, loadCommittee } from '../queries';
import { cadenceKinds } from '../schema';
import { ActionForm } from '../views/action-form';
import { TaskTable } from '../views/task-table';
import {
  can,
  committeeBase,
  committeeErrors,
  editors,
  routeMeeting,
  viewers,
} from './committee-context';

type Form = { values?: FormValues; errors?: FieldErrors };
const cancelForm = z.object({ cancelled: z.enum(['yes', 'no']) });

function when(page: Page, m: { startsAt: Date; durationMinutes: number; timeZone: string }) {
  const end = new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
  return `${formatDateTime(m.startsAt, page.lang, m.timeZone)}–${formatTime(end, page.lang, m.timeZone)} (${m.timeZone})`;
}

function MeetingTable(props: { page: Page; rows: MeetingRow[]; base: string; caption: string }) {
  const { page } = props;
  const { t } = page;
  if (props.rows.length === 0) return <p>{t('committee.meetings.empty')}</p>;
  return (
    <TableWrap label={props.caption}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('committee.meeting.when')}</th>
            <th scope="col">{t('committee.meeting.title')}</th>
            <th scope="col">{t('committee.meeting.place')}</th>
            <th scope="col">{t('committee.meeting.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((m) => (
            <tr data-meeting={dayKey(m.startsAt, m.timeZone)}>
              <td>{when(page, m)}</td>
              <th scope="row">
                <a href={`${props.base}/meetings/${m.id}`}>{m.title}</a>
                {m.group && <> · {m.group}</>}
                {m.cancelled && <> · {t('committee.meeting.cancelled')}</>}
                {m.sample && <> ({t('committee.sample')})</>}
              </th>
              <td>
                {m.place ?? (m.onlineUrl ? t('committee.meeting.online') : t('committee.none'))}
              </td>
              <td>{t(`committee.minutes.status.${m.minutesStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

async function listPage(c: Context<AppEnv>) {
  const { db } = c.var.deps;
  const initiativeId = c.var.initiative.id;
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listMeetings(db, { initiativeId, when: 'upcoming', now }),
    listMeetings(db, { initiativeId, when: 'past', now }),
  ]);
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const title = t('committee.meetings.titleOf', { name: c.var.initiative.name });
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('committee.title', { name: c.var.initiative.name })}</a>
      </p>
      <h1>{title}</h1>
      <ul class="inline-list">
        {can(c, 'editMeetings') && (
          <li>
            <a href={`${base}/meetings/new`}>{t('committee.meetings.new')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/calendar`}>{t('committee.calendar.title')}</a>
        </li>
      </ul>
      <h2>{t('committee.meetings.upcoming')}</h2>
      <MeetingTable
        page={page}
        rows={upcoming}
        base={base}
        caption={t('committee.meetings.upcoming')}
      />
      <h2>{t('committee.meetings.past')}</h2>
      <MeetingTable page={page} rows={past} base={base} caption={t('committee.meetings.past')} />
    </Layout>,
  );
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

async function newPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const committee = await loadCommittee(db, c.var.initiative.id);
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const title = t('committee.meetings.new');
  const values = o.values ?? { kind: 'once', durationMinutes: '60', time: '10:00' };
  const ticked = new Set([values.weekdays ?? []].flat());
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings`}>
          {t('committee.meetings.titleOf', { name: c.var.initiative.name })}
        </a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${base}/meetings`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field
          name="title"
          label={t('committee.meeting.title')}
          hint={t('committee.meeting.titleHint')}
          required
          values={values}
          errors={o.errors}
        />
        <Select
          name="workingGroupId"
          label={t('committee.meeting.who')}
          empty={t('committee.meeting.wholeCommittee')}
          options={committee.groups.map((g) => [g.id, g.name])}
          values={values}
          errors={o.errors}
        />
        <Select
          name="kind"
          label={t('committee.meeting.kind')}
          options={cadenceKinds.map((k) => [k, t(`committee.meeting.kind.${k}`)])}
          values={values}
          errors={o.errors}
        />
        <Field
          name="startsOn"
          type="date"
          label={t('committee.meeting.startsOn')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="endsOn"
          type="date"
          label={t('committee.meeting.endsOn')}
          hint={t('committee.meeting.endsOnHint')}
          values={values}
          errors={o.errors}
        />
        <Field
          name="intervalDays"
          type="number"
          min="1"
          max="90"
          label={t('committee.meeting.interval')}
          hint={t('committee.meeting.intervalHint')}
          values={values}
          errors={o.errors}
        />
        <fieldset class={o.errors?.weekdays ? 'field has-error' : 'field'}>
          <legend>{t('committee.meeting.weekdays')}</legend>
          <p class="hint">{t('committee.meeting.weekdaysHint')}</p>
          {o.errors?.weekdays && <p class="error">{o.errors.weekdays}</p>}
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
          errors={o.errors}
        />
        <Field
          name="durationMinutes"
          type="number"
          min="15"
          max="720"
          label={t('committee.meeting.duration')}
          required
          values={values}
          errors={o.errors}
        />
        <Field
          name="place"
          label={t('committee.meeting.place')}
          values={values}
          errors={o.errors}
        />
        <Field
          name="onlineUrl"
          type="url"
          label={t('committee.meeting.online')}
          values={values}
          errors={o.errors}
        />
        <Field
          name="agenda"
          rows={4}
          label={t('committee.meeting.agenda')}
          hint={t('committee.meeting.agendaHint')}
          values={values}
          errors={o.errors}
        />
        <button type="submit">{title}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

async function meetingPage(c: Context<AppEnv>, action: Form = {}, m?: MeetingView) {
  const { db } = c.var.deps;
  const meeting = m ?? (await routeMeeting(c));
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const edit = can(c, 'editMeetings');
  const [tasks, owners] = await Promise.all([
    listActionItems(db, { initiativeId: c.var.initiative.id, meetingId: meeting.id }),
    edit ? ownerChoices(db, c.var.initiative.id) : undefined,
  ]);
  const title = `${meeting.title} · ${formatDateTime(meeting.startsAt, page.lang, meeting.timeZone)}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings`}>
          {t('committee.meetings.titleOf', { name: c.var.initiative.name })}
        </a>
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
            values={action.values}
            errors={action.errors}
          />
        </>
      )}
    </Layout>,
    action.errors ? 422 : 200,
  );
}

async function recordPage(c: Context<AppEnv>, o: Form = {}, m?: MeetingView) {
  const meeting = m ?? (await routeMeeting(c));
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const values = o.values ?? {
    agenda: meeting.agenda.map((a) => a.title).join('\n'),
    attended: meeting.attended.map((p) => p.id),
    minutes: meeting.minutes ?? '',
    decisions: meeting.decisions.map((d) => d.text).join('\n'),
  };
  const present = new Set([values.attended ?? []].flat());
  const title = t('committee.meeting.record');
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={`${base}/meetings/${meeting.id}`}>
          {meeting.title} · {formatDateTime(meeting.startsAt, page.lang, meeting.timeZone)}
        </a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${base}/meetings/${meeting.id}/record`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={o.errors} />
        <Field
          name="agenda"
          rows={4}
          label={t('committee.meeting.agenda')}
          hint={t('committee.meeting.agendaHint')}
          values={values}
          errors={o.errors}
        />
        <fieldset class={o.errors?.attended ? 'field has-error' : 'field'}>
          <legend>{t('committee.meeting.attendance')}</legend>
          <p class="hint">{t('committee.meeting.attendanceHint')}</p>
          {o.errors?.attended && <p class="error">{o.errors.attended}</p>}
          {meeting.invitees.length === 0 && <p>{t('committee.meeting.noInvitees')}</p>}
          {meeting.invitees.map((p) => (
            <label class="check">
              <input type="checkbox" name="attended" value={p.id} checked={present.has(p.id)} />{' '}
              {p.name}
            </label>
          ))}
        </fieldset>
        <Field
          name="minutes"
          rows={12}
          label={t('committee.meeting.minutes')}
          hint={t('committee.meeting.minutesHint')}
          values={values}
          errors={o.errors}
        />
        <Field
          name="decisions"
          rows={4}
          label={t('committee.meeting.decisions')}
          hint={t('committee.meeting.decisionsHint')}
          values={values}
          errors={o.errors}
        />
        <button type="submit">{t('committee.meeting.recordSave')}</button>
      </form>
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** Meetings: the list, scheduling one or a cadence, a meeting, recording it, approving minutes. */
export const meetingRoutes = new Hono<AppEnv>()
  .get('/i/:slug/committee/meetings', viewers(), listPage)
  .get('/i/:slug/committee/meetings/new', editors(), (c) => newPage(c))
  .post('/i/:slug/committee/meetings', editors(), async (c) => {
    const form = await readForm(c, scheduleForm);
    if (!form.ok) return newPage(c, form);
    const { db } = c.var.deps;
    try {
      const done = await scheduleMeetings(db, {
        initiativeId: c.var.initiative.id,
        timeZone: await committeeTimeZone(db, c.var.initiative.id),
        input: form.data,
      });
      await audit(c, 'committee.meetings_scheduled', {
        targetType: done.seriesId ? 'meeting_series' : 'meeting',
        targetId: done.seriesId ?? done.meetings[0]!.id,
        data: { ...form.data, count: done.meetings.length },
      });
      setFlash(c, 'committee.meetings.scheduled', { count: done.meetings.length });
      return c.redirect(
        done.meetings.length === 1
          ? `${committeeBase(c)}/meetings/${done.meetings[0]!.id}`
          : `${committeeBase(c)}/meetings`,
        303,
      );
    } catch (e) {
      return newPage(c, { values: form.values, errors: committeeErrors(c, e) });
    }
  })
  .get('/i/:slug/committee/meetings/:meeting', viewers(), (c) => meetingPage(c))
  .get('/i/:slug/committee/meetings/:meeting/record', editors(), (c) => recordPage(c))
  .post('/i/:slug/committee/meetings/:meeting/record', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const form = await readForm(c, recordForm);
    if (!form.ok) return recordPage(c, form, meeting);
    try {
      await recordMeeting(c.var.deps.db, { meeting, input: form.data });
    } catch (e) {
      return recordPage(c, { values: form.values, errors: committeeErrors(c, e) }, meeting);
    }
    await audit(c, 'committee.meeting_recorded', {
      targetType: 'meeting',
      targetId: meeting.id,
      data: { ...form.data, minutes: form.data.minutes.length },
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  })
  .post('/i/:slug/committee/meetings/:meeting/cancel', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const form = await readForm(c, cancelForm);
    if (!form.ok) throw new AppError('invalid');
    const cancelled = form.data.cancelled === 'yes';
    await cancelMeeting(c.var.deps.db, { meetingId: meeting.id, cancelled });
    await audit(c, cancelled ? 'committee.meeting_cancelled' : 'committee.meeting_restored', {
      targetType: 'meeting',
      targetId: meeting.id,
    });
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  })
  .post('/i/:slug/committee/meetings/:meeting/approve', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const url = `${c.var.deps.env.publicUrl}${committeeBase(c)}/meetings/${meeting.id}`;
    try {
      const { sent } = await approveMinutes(c.var.deps, {
        meeting,
        userId: c.var.user?.id ?? null,
        url,
      });
      await audit(c, 'committee.minutes_approved', {
        targetType: 'meeting',
        targetId: meeting.id,
        data: { sent },
      });
      setFlash(c, 'committee.minutes.approved', { count: sent });
    } catch (e) {
      if (!(e instanceof InputError) || !e.fields.minutes) throw e;
      setFlash(c, e.fields.minutes.key);
    }
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  })
  .post('/i/:slug/committee/meetings/:meeting/tasks', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const form = await readForm(c, actionForm);
    if (!form.ok) return meetingPage(c, form, meeting);
    try {
      const item = await createActionItem(c.var.deps.db, {
        initiativeId: c.var.initiative.id,
        userId: c.var.user?.id ?? null,
        input: { ...form.data, meetingId: meeting.id },
      });
      await audit(c, 'committee.task_created', {
        targetType: 'action_item',
        targetId: item.id,
        data: form.data,
      });
    } catch (e) {
      return meetingPage(c, { values: form.values, errors: committeeErrors(c, e) }, meeting);
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  });
