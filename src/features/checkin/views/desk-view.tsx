import type { FieldErrors, FormValues } from '../../../http/form';
import { formatNumber, formatTime } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import type { Page } from '../../../views/page';
import type { DeskState } from '../queries';

export type DeskRow = {
  id: string;
  name: string;
  institution: string | null;
  status: string;
  sample: boolean;
};

/** What the desk script needs: where to read and send, and its words in the page's language. */
export type DeskConfig = {
  eventId: string;
  mode: 'desk' | 'bus';
  place: string;
  routeId: string | null;
  stop: string | null;
  deskName: string;
  timeZone: string;
  lang: string;
  csrf: string;
  urls: { roster: string; state: string; sync: string; sw: string };
  strings: Record<string, string>;
};

const canCheckIn = (status: string) => status === 'confirmed' || status === 'offered';

/** The live counts and, with the script, whether the device is online and what waits to be sent. */
export function DeskStatus(props: { page: Page; state: DeskState; label: string }) {
  const { t, lang } = props.page;
  const { counts } = props.state;
  return (
    <div class="desk-status">
      <p id="desk-count" aria-live="polite">
        {t('checkin.count', {
          checkedIn: formatNumber(counts.checkedIn, lang),
          registered: formatNumber(counts.registered, lang),
          what: props.label,
        })}
      </p>
      <p id="desk-connection" role="status" hidden>
        <span id="desk-online" class="desk-online" /> <span id="desk-pending" />
      </p>
    </div>
  );
}

/** The search box a scanner types into (the code, then Enter) and the camera button. */
export function DeskSearch(props: {
  page: Page;
  action: string;
  q: string;
  deskName: string;
  hidden?: Record<string, string>;
}) {
  const { t } = props.page;
  return (
    <form
      method="get"
      action={props.action}
      class="stack desk-search"
      role="search"
      id="desk-search"
    >
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <Field
        name="desk"
        label={t('checkin.deskName')}
        hint={t('checkin.deskNameHint')}
        value={props.deskName}
      />
      <Field
        name="q"
        type="search"
        label={t('checkin.search')}
        hint={t('checkin.searchHint')}
        value={props.q}
      />
      <div class="actions">
        <button type="submit">{t('checkin.searchButton')}</button>
        <button type="button" id="desk-camera-start" class="secondary" hidden>
          {t('checkin.camera.start')}
        </button>
        <button type="button" id="desk-camera-stop" class="secondary" hidden>
          {t('checkin.camera.stop')}
        </button>
      </div>
      <video
        id="desk-video"
        class="desk-video"
        hidden
        muted
        playsinline
        aria-label={t('checkin.camera.label')}
      />
      <p id="desk-camera-message" class="hint" role="status" />
    </form>
  );
}

/** One registrant found: checked in (with undo) or a button to check them in. */
function ResultRow(props: {
  page: Page;
  row: DeskRow;
  state: DeskState;
  timeZone: string;
  checkinAction: string;
  undoAction: (id: string) => string;
  hidden: Record<string, string>;
}) {
  const { page, row } = props;
  const { t } = page;
  const done = props.state.checkins.find((c) => c.registrationId === row.id);
  const hidden = Object.entries(props.hidden).map(([name, value]) => (
    <input type="hidden" name={name} value={value} />
  ));
  return (
    <li class={done ? 'desk-row done' : 'desk-row'}>
      <span class="desk-name">
        <strong>{row.name}</strong>
        {row.sample && <> ({t('checkin.sample')})</>}
        {row.institution && <span class="desk-inst"> · {row.institution}</span>}
      </span>
      <span class="desk-state">
        {done
          ? t('checkin.doneAt', {
              time: formatTime(done.at, page.lang, props.timeZone),
              desk: done.deskName,
            })
          : t(`checkin.status.${row.status}` as 'checkin.status.confirmed')}
      </span>
      {done ? (
        <form method="post" action={props.undoAction(done.id)} class="inline">
          <Csrf page={page} />
          {hidden}
          <button
            type="submit"
            class="secondary"
            aria-label={t('checkin.undoLabel', { name: row.name })}
          >
            {t('checkin.undo')}
          </button>
        </form>
      ) : (
        canCheckIn(row.status) && (
          <form method="post" action={props.checkinAction} class="inline">
            <Csrf page={page} />
            {hidden}
            <input type="hidden" name="registrationId" value={row.id} />
            <button type="submit" aria-label={t('checkin.checkInLabel', { name: row.name })}>
              {t('checkin.checkIn')}
            </button>
          </form>
        )
      )}
    </li>
  );
}

/** The results list: the server's (without the script) until the script draws its own. */
export function DeskResults(props: {
  page: Page;
  heading: string;
  rows: DeskRow[];
  searched: boolean;
  state: DeskState;
  timeZone: string;
  checkinAction: string;
  undoAction: (id: string) => string;
  hidden: Record<string, string>;
}) {
  const { t } = props.page;
  return (
    <section aria-labelledby="desk-results-h">
      <h2 id="desk-results-h">{props.heading}</h2>
      <p id="desk-last" role="status" class="desk-last" />
      {props.searched && props.rows.length === 0 && <p id="desk-none">{t('checkin.none')}</p>}
      <ul id="desk-results" class="desk-results">
        {props.rows.map((row) => (
          <ResultRow
            page={props.page}
            row={row}
            state={props.state}
            timeZone={props.timeZone}
            checkinAction={props.checkinAction}
            undoAction={props.undoAction}
            hidden={props.hidden}
          />
        ))}
      </ul>
    </section>
  );
}

/** Two check-ins of the same person at the same place: shown, counted once. */
export function DeskConflicts(props: { page: Page; state: DeskState; timeZone: string }) {
  const { t, lang } = props.page;
  const at = (d: Date | null) => (d ? formatTime(d, lang, props.timeZone) : '');
  return (
    <section aria-labelledby="desk-conflicts-h" id="desk-conflicts-section">
      <h2 id="desk-conflicts-h">{t('checkin.conflicts')}</h2>
      <p class="hint">{t('checkin.conflictsHint')}</p>
      <ul id="desk-conflicts">
        {props.state.conflicts.length === 0 ? (
          <li>{t('checkin.conflictsNone')}</li>
        ) : (
          props.state.conflicts.map((c) => (
            <li>
              {t('checkin.conflict', {
                name: c.name,
                firstDesk: c.firstDesk ?? '?',
                firstAt: at(c.firstAt),
                desk: c.deskName,
                at: at(c.at),
              })}
            </li>
          ))
        )}
      </ul>
    </section>
  );
}

/** Registering someone who turns up without a registration (the event's rules apply). */
export function WalkInForm(props: {
  page: Page;
  action: string;
  deskName: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page } = props;
  const { t } = page;
  const f = { values: props.values, errors: props.errors };
  return (
    <section aria-labelledby="walk-in-h">
      <h2 id="walk-in-h">{t('checkin.walkIn')}</h2>
      <p class="hint">{t('checkin.walkInHint')}</p>
      <form method="post" action={props.action} class="stack" novalidate id="walk-in">
        <Csrf page={page} />
        <input type="hidden" name="desk" value={props.deskName} />
        <ErrorSummary page={page} errors={props.errors} />
        <Field
          name="name"
          label={t('registration.field.name')}
          autocomplete="off"
          required
          {...f}
        />
        <Field
          name="email"
          type="email"
          label={t('registration.field.email')}
          autocomplete="off"
          required
          {...f}
        />
        <Field
          name="institution"
          label={t('registration.field.institution')}
          autocomplete="off"
          {...f}
        />
        <button type="submit">{t('checkin.walkInButton')}</button>
      </form>
    </section>
  );
}

/** The desk script and its settings (JSON is data, not script, so CSP lets it through). */
export function DeskScript(props: { page: Page; config: DeskConfig }) {
  return (
    <>
      <link rel="stylesheet" href="/static/checkin.css" />
      <script
        type="application/json"
        id="desk-config"
        nonce={props.page.nonce}
        dangerouslySetInnerHTML={{ __html: JSON.stringify(props.config).replace(/</g, '\\u003c') }}
      />
      <script src="/static/checkin-desk.js" nonce={props.page.nonce} defer />
    </>
  );
}
