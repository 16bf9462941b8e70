import { Hono, type Context } from 'hono';
import { access } from '../../../http/access';
import { audit } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import { tableDownload } from '../../../http/table-download';
import type { AppEnv } from '../../../http/types';
import { translator } from '../../../i18n/index';
import { formatDateTime, formatNumber, isoInZone } from '../../../lib/format';
import { tableFile } from '../../../lib/table-file';
import { Csrf, ErrorSummary, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { managedEvent, manageBase } from '../../programme/index';
import { localTitle } from '../../../views/local-title';
import { registrationPermissions } from '../permissions';
import { countDueReminders } from '../queries';
import { type Invitation } from '../schema';
import { InvitationError } from '../invitations/errors';
import {
  attendanceForm,
  inviteForm,
  parseInviteeList,
  type ListProblem,
} from '../invitations/invitation-input';
import { invitePeople } from '../invitations/invite-people';
import { countInvitations, listInvitations } from '../invitations/list-invitations';
import { listInviteeChoices } from '../invitations/list-invitee-choices';
import { recordAttendance } from '../invitations/record-attendance';
import { sendInvitationReminders } from '../invitations/send-reminders';

const managers = () => access.initiative(registrationPermissions.manageRegistrations);
const EVENT = '/i/:slug/editions/:edition/events/:event';

async function base(c: Context<AppEnv>) {
  const found = await managedEvent(c);
  return {
    ...found,
    eventPath: `${manageBase(c, found.edition.slug)}/events/${found.event.id}`,
    path: `${manageBase(c, found.edition.slug)}/events/${found.event.id}/invitations`,
  };
}

async function remindable(c: Context<AppEnv>, eventId: string) {
  return countDueReminders(c.var.deps.db, { eventId, now: new Date() });
}

/** The pasted list with its bad lines explained right beside it; what was typed is kept. */
function ListField(props: {
  page: Page;
  values?: FormValues;
  error?: string;
  problems?: ListProblem[];
}) {
  const { t } = props.page;
  const problems = props.problems ?? [];
  const invalid = Boolean(props.error) || problems.length > 0;
  const value = typeof props.values?.list === 'string' ? props.values.list : '';
  return (
    <div class={invalid ? 'field has-error' : 'field'}>
      <label for="f-list">{t('invitation.invite.list')}</label>
      <p class="hint" id="f-list-hint">
        {t('invitation.invite.listHint')}
      </p>
      {props.error && (
        <p class="error" id="f-list-error">
          {props.error}
        </p>
      )}
      {problems.length > 0 && (
        <div class="error" id="f-list-lines">
          <p>{t('invitation.invite.badLines', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li>{t(`invitation.line.${p.reason}`, { line: p.line, text: p.text })}</li>
            ))}
          </ul>
        </div>
      )}
      <textarea
        id="f-list"
        name="list"
        rows={6}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={
          ['f-list-hint', props.error ? 'f-list-error' : '', problems.length ? 'f-list-lines' : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        {value}
      </textarea>
    </div>
  );
}

async function invitationsPage(
  c: Context<AppEnv>,
  o: { values?: FormValues; errors?: FieldErrors; problems?: ListProblem[] } = {},
) {
  const page = pageOf(c);
  const { t, lang } = page;
  const { db } = c.var.deps;
  const { event, eventPath, path } = await base(c);
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const [rows, choices, due] = await Promise.all([
    listInvitations(db, event.id),
    listInviteeChoices(db, { initiativeId: c.var.initiative.id, eventId: event.id, q }),
    remindable(c, event.id),
  ]);
  const counts = countInvitations(rows);
  const started = new Date() >= event.startsAt;
  const chosen = new Set(
    Array.isArray(o.values?.personIds)
      ? o.values.personIds
      : o.values?.personIds
        ? [o.values.personIds]
        : [],
  );
  const when = (d: Date | null) => (d ? formatDateTime(d, lang, event.timeZone) : '');
  const failed = Boolean(o.errors) || Boolean(o.problems?.length);
  return render(
    c,
    <Layout page={page} title={t('invitation.title')}>
      <p>
        <a href={eventPath}>{localTitle(page, event)}</a>
      </p>
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.lead')}</p>
      <h2>{t('invitation.counts')}</h2>
      <ul class="inline-list" aria-live="polite">
        <li>
          {t('invitation.count.total')}: {formatNumber(counts.total, lang)}
        </li>
        <li>
          {t('invitation.status.accepted')}: {formatNumber(counts.accepted, lang)}
        </li>
        <li>
          {t('invitation.status.declined')}: {formatNumber(counts.declined, lang)}
        </li>
        <li>
          {t('invitation.status.pending')}: {formatNumber(counts.pending, lang)}
        </li>
        {counts.attended + counts.absent > 0 && (
          <>
            <li>
              {t('invitation.count.attended')}: {formatNumber(counts.attended, lang)}
            </li>
            <li>
              {t('invitation.count.absent')}: {formatNumber(counts.absent, lang)}
            </li>
          </>
        )}
      </ul>
      <ul class="inline-list">
        <li>
          <a href={`${path}/remind`}>{t('invitation.remind.link')}</a> ({formatNumber(due, lang)})
        </li>
        <li>
          <a href={`${path}/export/csv`}>{t('registration.list.exportCsv')}</a>
        </li>
        <li>
          <a href={`${path}/export/xlsx`}>{t('registration.list.exportXlsx')}</a>
        </li>
      </ul>

      <h2 id="invite">{t('invitation.invite.title')}</h2>
      <form method="get" action={`${path}#invite`} class="filters" role="search">
        <div class="field">
          <label for="f-q">{t('invitation.invite.search')}</label>
          <input id="f-q" name="q" type="search" value={q} />
        </div>
        <button type="submit">{t('invitation.invite.searchButton')}</button>
      </form>
      <form
        method="post"
        action={`${path}${q ? `?q=${encodeURIComponent(q)}` : ''}`}
        class="stack"
        novalidate
      >
        <Csrf page={page} />
        <ErrorSummary
          page={page}
          errors={
            o.problems?.length
              ? { list: t('invitation.invite.badLines', { count: o.problems.length }) }
              : o.errors
          }
        />
        <fieldset>
          <legend>{t('invitation.invite.network')}</legend>
          <p class="hint">{t('invitation.invite.networkHint')}</p>
          {o.errors?.personIds && <p class="error">{o.errors.personIds}</p>}
          {choices.rows.length === 0 ? (
            <p>{t('invitation.invite.noChoices')}</p>
          ) : (
            <ul class="plain">
              {choices.rows.map((p) => (
                <li>
                  <label class="check">
                    <input
                      type="checkbox"
                      name="personIds"
                      value={p.id}
                      checked={chosen.has(p.id)}
                    />{' '}
                    {p.name} <small>({p.email})</small>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {choices.more && (
            <p class="hint">{t('invitation.invite.more', { count: choices.rows.length })}</p>
          )}
        </fieldset>
        <ListField page={page} values={o.values} error={o.errors?.list} problems={o.problems} />
        <Select
          name="lang"
          label={t('invitation.invite.lang')}
          options={[
            ['es', 'Español'],
            ['en', 'English'],
          ]}
          values={o.values ?? { lang: 'es' }}
          errors={o.errors}
        />
        <p class="hint">{t('invitation.invite.langHint')}</p>
        <button type="submit">{t('invitation.invite.send')}</button>
      </form>

      <h2>{t('invitation.list.title')}</h2>
      {rows.some((r) => r.sample) && <p class="hint">{t('registration.list.sampleNote')}</p>}
      {rows.length === 0 ? (
        <p>{t('invitation.list.empty')}</p>
      ) : (
        <form method="post" action={`${path}/attendance`} class="stack">
          <Csrf page={page} />
          <p class="hint">
            {started ? t('invitation.attendance.hint') : t('invitation.attendance.notYet')}
          </p>
          <TableWrap label={t('invitation.list.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('invitation.list.name')}</th>
                  <th scope="col">{t('invitation.representing')}</th>
                  <th scope="col">{t('invitation.list.status')}</th>
                  <th scope="col">{t('invitation.list.remindedAt')}</th>
                  <th scope="col">{t('invitation.list.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      {r.name}
                      {r.sample && <> ({t('registration.list.sample')})</>}
                      <br />
                      <small>{r.email ?? t('invitation.list.noEmail')}</small>
                    </td>
                    <td>{r.representing ?? ''}</td>
                    <td>
                      {t(`invitation.status.${r.status}`)}
                      {r.respondedAt && (
                        <>
                          <br />
                          <small>{when(r.respondedAt)}</small>
                        </>
                      )}
                    </td>
                    <td>{when(r.remindedAt)}</td>
                    <td>
                      <AttendanceCell page={page} row={r} disabled={!started} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {started && <button type="submit">{t('invitation.attendance.save')}</button>}
        </form>
      )}
    </Layout>,
    failed ? 422 : 200,
  );
}

function AttendanceCell(props: { page: Page; row: Invitation; disabled: boolean }) {
  const { t } = props.page;
  const { row } = props;
  const value = row.attended === null ? '' : row.attended ? 'yes' : 'no';
  return (
    <select
      name={`attended-${row.id}`}
      aria-label={t('invitation.attendance.label', { name: row.name })}
      disabled={props.disabled}
    >
      {(
        [
          ['', t('invitation.attendance.unknown')],
          ['yes', t('common.yes')],
          ['no', t('common.no')],
        ] as const
      ).map(([v, label]) => (
        <option value={v} selected={v === value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/**
 * Organisers' invitations of an event: invite from the network or a pasted list, answers and
 * counts, reminders to those who have not answered, attendance after the event, exports.
 */
export const manageInvitationRoutes = new Hono<AppEnv>()
  .get(`${EVENT}/invitations`, managers(), (c) => invitationsPage(c))
  .post(`${EVENT}/invitations`, managers(), async (c) => {
    const { event, path } = await base(c);
    const form = await readForm(c, inviteForm);
    if (!form.ok) return invitationsPage(c, form);
    const { invitees, problems } = parseInviteeList(form.data.list);
    // Nothing is sent while any line is wrong, so the organiser fixes the list and sends once.
    if (problems.length) return invitationsPage(c, { values: form.values, problems });
    const { invited, skipped } = await invitePeople(c.var.deps, {
      eventId: event.id,
      initiativeId: c.var.initiative.id,
      personIds: form.data.personIds,
      invitees,
      lang: form.data.lang,
    });
    await audit(c, 'invitations.sent', {
      targetType: 'event',
      targetId: event.id,
      data: { sent: invited.length, skipped: skipped.length },
    });
    if (skipped.length)
      setFlash(c, 'invitation.invite.skipped', { count: invited.length, skipped: skipped.length });
    else setFlash(c, 'invitation.invite.sent', { count: invited.length });
    return c.redirect(path, 303);
  })
  .get(`${EVENT}/invitations/remind`, managers(), async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const { event, path } = await base(c);
    const due = await remindable(c, event.id);
    return render(
      c,
      <Layout page={page} title={t('invitation.remind.title')}>
        <p>
          <a href={path}>{t('invitation.title')}</a>
        </p>
        <h1>{t('invitation.remind.title')}</h1>
        <p>{localTitle(page, event)}</p>
        {due === 0 ? (
          <p>{t('invitation.remind.none')}</p>
        ) : (
          <form method="post" action={`${path}/remind`} class="stack">
            <Csrf page={page} />
            <p>{t('invitation.remind.lead', { count: due })}</p>
            <button type="submit">{t('invitation.remind.send', { count: due })}</button>
          </form>
        )}
        <p>
          <a href={path}>{t('invitation.remind.back')}</a>
        </p>
      </Layout>,
    );
  })
  .post(`${EVENT}/invitations/remind`, managers(), async (c) => {
    const { event, path } = await base(c);
    const { sent } = await sendInvitationReminders(c.var.deps, { eventId: event.id });
    await audit(c, 'invitations.reminded', {
      targetType: 'event',
      targetId: event.id,
      data: { sent },
    });
    setFlash(c, 'invitation.remind.sent', { count: sent });
    return c.redirect(path, 303);
  })
  .post(`${EVENT}/invitations/attendance`, managers(), async (c) => {
    const { event, path } = await base(c);
    const form = await readForm(c, attendanceForm);
    if (!form.ok) return invitationsPage(c, { errors: { _form: c.var.t('form.invalid') } });
    try {
      const { updated } = await recordAttendance(c.var.deps.db, {
        eventId: event.id,
        attendance: form.data,
      });
      await audit(c, 'invitations.attendance_recorded', {
        targetType: 'event',
        targetId: event.id,
        data: { updated },
      });
      setFlash(c, 'invitation.attendance.saved');
    } catch (error) {
      if (!(error instanceof InvitationError)) throw error;
      setFlash(c, `invitation.error.${error.code}`);
    }
    return c.redirect(path, 303);
  })
  .get(`${EVENT}/invitations/export/:format{csv|xlsx}`, managers(), async (c) => {
    const { event } = await base(c);
    const format = c.req.param('format') as 'csv' | 'xlsx';
    const lang = c.var.lang;
    const t = translator(lang);
    const rows = await listInvitations(c.var.deps.db, event.id);
    const at = (d: Date | null) => (d ? isoInZone(d, event.timeZone) : '');
    const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
    const body = await tableFile({
      format,
      sheet: t('invitation.title'),
      header: [
        t('invitation.list.name'),
        t('invitation.list.email'),
        t('invitation.representing'),
        t('invitation.list.lang'),
        t('invitation.list.status'),
        t('invitation.list.sentAt'),
        t('invitation.list.respondedAt'),
        t('invitation.list.remindedAt'),
        t('invitation.list.attended'),
        t('registration.list.sample'),
      ],
      rows: rows.map((r) => [
        r.name,
        r.email ?? '',
        r.representing ?? '',
        r.lang,
        t(`invitation.status.${r.status}`),
        at(r.sentAt),
        at(r.respondedAt),
        at(r.remindedAt),
        r.attended === null ? '' : yes(r.attended),
        yes(r.sample),
      ]),
    });
    await audit(c, 'invitations.exported', {
      targetType: 'event',
      targetId: event.id,
      data: { format, count: rows.length },
    });
    return tableDownload(c, { format, filename: `invitations.${format}`, body });
  });
