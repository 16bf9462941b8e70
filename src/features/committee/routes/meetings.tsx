import { InputError, inputErrorsOrThrow } from '../../../http/input-error';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../../http/errors';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { dayKey, formatDateTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { actionForm } from '../actions/action-input';
import { createActionItem } from '../actions/create-action-item';
import { listActionItems, ownerChoices } from '../actions/queries';
import { cancelMeeting } from '../meetings/cancel-meeting';
import { approveMinutes } from '../meetings/approve-minutes';
import { recordForm, scheduleForm } from '../meetings/meeting-input';
import { listMeetings, type MeetingRow, type MeetingView } from '../meetings/queries';
import { recordMeeting } from '../meetings/record-meeting';
import { scheduleMeetings } from '../meetings/schedule-meetings';
import { committeeTimeZone, loadCommittee } from '../queries';
import { MeetingPageView, NewMeetingView, when } from '../views/meeting-view';
import { can, committeeBase, editors, routeMeeting, viewers } from './committee-context';

type Form = { values?: FormValues; errors?: FieldErrors };
const cancelForm = z.object({ cancelled: z.enum(['yes', 'no']) });

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

async function newPage(c: Context<AppEnv>, o: Form = {}) {
  const { db } = c.var.deps;
  const committee = await loadCommittee(db, c.var.initiative.id);
  const page = pageOf(c);
  const { t } = page;
  const base = committeeBase(c);
  const title = t('committee.meetings.new');
  const values = o.values ?? { kind: 'once', durationMinutes: '60', time: '10:00' };
  const initiativeName = c.var.initiative.name;
  return render(
    c,
    <NewMeetingView
      page={page}
      title={title}
      base={base}
      initiativeName={initiativeName}
      committee={committee}
      values={values}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

async function meetingPage(c: Context<AppEnv>, action: Form = {}, m?: MeetingView) {
  const { db } = c.var.deps;
  const meeting = m ?? (await routeMeeting(c));
  const page = pageOf(c);
  const base = committeeBase(c);
  const edit = can(c, 'editMeetings');
  const [tasks, owners] = await Promise.all([
    listActionItems(db, { initiativeId: c.var.initiative.id, meetingId: meeting.id }),
    edit ? ownerChoices(db, c.var.initiative.id) : undefined,
  ]);
  const title = `${meeting.title} · ${formatDateTime(meeting.startsAt, page.lang, meeting.timeZone)}`;
  const initiativeName = c.var.initiative.name;
  return render(
    c,
    <MeetingPageView
      page={page}
      title={title}
      base={base}
      initiativeName={initiativeName}
      meeting={meeting}
      edit={edit}
      tasks={tasks}
      owners={owners}
      values={action.values}
      errors={action.errors}
    />,
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
      const timeZone = await committeeTimeZone(db, c.var.initiative.id);
      const done = await audited(
        c,
        (tx) =>
          scheduleMeetings(tx, { initiativeId: c.var.initiative.id, timeZone, input: form.data }),
        (done) => ({
          action: 'committee.meetings_scheduled',
          targetType: done.seriesId ? 'meeting_series' : 'meeting',
          targetId: done.seriesId ?? done.meetings[0]!.id,
          data: { ...form.data, count: done.meetings.length },
        }),
      );
      setFlash(c, 'committee.meetings.scheduled', { count: done.meetings.length });
      return c.redirect(
        done.meetings.length === 1
          ? `${committeeBase(c)}/meetings/${done.meetings[0]!.id}`
          : `${committeeBase(c)}/meetings`,
        303,
      );
    } catch (e) {
      return newPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) });
    }
  })
  .get('/i/:slug/committee/meetings/:meeting', viewers(), (c) => meetingPage(c))
  .get('/i/:slug/committee/meetings/:meeting/record', editors(), (c) => recordPage(c))
  .post('/i/:slug/committee/meetings/:meeting/record', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const form = await readForm(c, recordForm);
    if (!form.ok) return recordPage(c, form, meeting);
    try {
      await audited(c, (tx) => recordMeeting(tx, { meeting, input: form.data }), {
        action: 'committee.meeting_recorded',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { ...form.data, minutes: form.data.minutes.length },
      });
    } catch (e) {
      return recordPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) }, meeting);
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  })
  .post('/i/:slug/committee/meetings/:meeting/cancel', editors(), async (c) => {
    const meeting = await routeMeeting(c);
    const form = await readForm(c, cancelForm);
    if (!form.ok) throw new AppError('invalid');
    const cancelled = form.data.cancelled === 'yes';
    await audited(c, (tx) => cancelMeeting(tx, { meetingId: meeting.id, cancelled }), {
      action: cancelled ? 'committee.meeting_cancelled' : 'committee.meeting_restored',
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
      // The minutes' e-mails go to the outbox in the same transaction as the approval.
      const { sent } = await audited(
        c,
        (tx) =>
          approveMinutes(
            { ...c.var.deps, db: tx },
            { meeting, userId: c.var.user?.id ?? null, url },
          ),
        ({ sent }) => ({
          action: 'committee.minutes_approved',
          targetType: 'meeting',
          targetId: meeting.id,
          data: { sent },
        }),
      );
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
      await audited(
        c,
        (tx) =>
          createActionItem(tx, {
            initiativeId: c.var.initiative.id,
            userId: c.var.user?.id ?? null,
            input: { ...form.data, meetingId: meeting.id },
          }),
        (item) => ({
          action: 'committee.task_created',
          targetType: 'action_item',
          targetId: item.id,
          data: form.data,
        }),
      );
    } catch (e) {
      return meetingPage(c, { values: form.values, errors: inputErrorsOrThrow(c, e) }, meeting);
    }
    setFlash(c, 'committee.saved');
    return c.redirect(`${committeeBase(c)}/meetings/${meeting.id}`, 303);
  });
