/**
 * The organisers' invitations page of an event: counts of answers and attendance, reminder and
 * export links, the invite form (people from the network or a pasted list, kept with its errors
 * when refused) and the invitees with their answers and attendance.
 *
 * @example
 * <InvitationsPage page={page} event={event} eventPath={eventPath} path={path} q="" rows={rows}
 *   choices={choices} due={3} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Csrf, ErrorSummary, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { ListProblem } from '../invitations/invitation-input';
import { countInvitations } from '../invitations/list-invitations';
import type { listInviteeChoices } from '../invitations/list-invitee-choices';
import type { Invitation } from '../schema';

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

export function InvitationsPage(props: {
  page: Page;
  event: { titleEs: string; titleEn: string | null; startsAt: Date; timeZone: string };
  /** The event's organiser page. */
  eventPath: string;
  /** This page (`…/events/{id}/invitations`). */
  path: string;
  /** The search among the network's people. */
  q: string;
  rows: Invitation[];
  choices: Awaited<ReturnType<typeof listInviteeChoices>>;
  /** How many invitees a reminder would go to now. */
  due: number;
  values?: FormValues;
  errors?: FieldErrors;
  problems?: ListProblem[];
}) {
  const { page, event, eventPath, path, q, rows, choices, due } = props;
  const o = { values: props.values, errors: props.errors, problems: props.problems };
  const { t, lang } = page;
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
  return (
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
    </Layout>
  );
}
