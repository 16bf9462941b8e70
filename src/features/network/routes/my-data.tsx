import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { access } from '../../../http/access';
import { audit, audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors } from '../../../http/form';
import { rateLimit } from '../../../http/rate-limit/rate-limit';
import { render } from '../../../http/render';
import { endSession } from '../../../http/session';
import type { AppEnv } from '../../../http/types';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf, type Page } from '../../../views/page';
import { AppError } from '../../../http/errors';
import { recordConsent } from '../edit-person';
import type { PersonRecord } from '../people';
import { consentPurposes } from '../schema';
import { verifyPassword } from '../../../core/accounts/password';
import { getPersonRecord } from '../people';
import {
  collectPersonalData,
  erasePersonalData,
  personalDataCsv,
} from '../../../core/privacy/personal-data';
import { peopleOfUser } from '../personal-data';
import { PersonDetails } from '../views/person-details';

const eraseSchema = z.object({ password: z.string().min(1, 'form.required') });
const withdrawSchema = z.object({ personId: z.uuid(), purpose: z.enum(consentPurposes) });

/** One button per purpose whose latest decision is "given". */
function WithdrawConsents(props: {
  page: Page;
  personId: string;
  consents: PersonRecord['consents'];
}) {
  const { t } = props.page;
  const latest = new Map<string, string>();
  for (const k of [...props.consents].sort((a, b) => a.at.getTime() - b.at.getTime()))
    latest.set(k.purpose, k.status);
  const given = [...latest]
    .filter(([, status]) => status === 'given')
    .map(([purpose]) => purpose as (typeof consentPurposes)[number]);
  if (given.length === 0) return null;
  return (
    <ul class="inline-list">
      {given.map((purpose) => (
        <li>
          <form method="post" action="/account/data/consents">
            <Csrf page={props.page} />
            <input type="hidden" name="personId" value={props.personId} />
            <input type="hidden" name="purpose" value={purpose} />
            <button type="submit" class="secondary">
              {t('consent.withdraw')}: {t(`network.consent.${purpose}`)}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

async function exportData(c: Context<AppEnv>, format: 'json' | 'csv') {
  const data = await collectPersonalData(c.var.deps.db, c.var.modules, c.var.user!);
  await audit(c, 'privacy.exported', {
    targetType: 'user',
    targetId: c.var.user!.id,
    data: { format },
  });
  const day = new Date().toISOString().slice(0, 10);
  c.header('Content-Disposition', `attachment; filename="convoca-my-data-${day}.${format}"`);
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(data);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(personalDataCsv(data));
}

function ErasePage(props: { c: Context<AppEnv>; errors?: FieldErrors }) {
  const page = pageOf(props.c);
  const { t } = page;
  return (
    <Layout page={page} title={t('privacy.erase')}>
      <h1>{t('privacy.erase')}</h1>
      <p>{t('privacy.eraseLead')}</p>
      <form method="post" action="/account/data/erase" class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={props.errors} />
        <Field
          name="password"
          type="password"
          label={t('privacy.eraseConfirm')}
          autocomplete="current-password"
          required
          errors={props.errors}
        />
        <button type="submit" class="danger">
          {t('privacy.eraseSubmit')}
        </button>
        <a href="/account/data">{t('members.cancel')}</a>
      </form>
    </Layout>
  );
}

export const myDataRoutes = new Hono<AppEnv>()
  .get('/account/data', access.signedIn(), async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user!;
    const ids = await peopleOfUser(db, user);
    const records = (await Promise.all(ids.map((id) => getPersonRecord(db, id)))).filter(
      (r) => r !== undefined,
    );
    const page = pageOf(c);
    const { t } = page;
    return render(
      c,
      <Layout page={page} title={t('privacy.title')}>
        <h1>{t('privacy.title')}</h1>
        <p>{t('privacy.lead')}</p>
        <h2>{t('privacy.account')}</h2>
        <dl class="facts">
          <dt>{t('auth.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('auth.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('nav.language')}</dt>
          <dd>{user.locale}</dd>
        </dl>
        <p>
          <a href="/account/sessions">{t('privacy.sessions')}</a> ·{' '}
          <a href="/account/tokens">{t('account.tokens.link')}</a>
        </p>
        <h2>{t('privacy.records')}</h2>
        {records.length === 0 ? (
          <p>{t('privacy.noRecords')}</p>
        ) : (
          records.map((r) => (
            <section class="card">
              <h3>{r.name}</h3>
              <PersonDetails page={page} person={r} />
              <WithdrawConsents page={page} personId={r.id} consents={r.consents} />
            </section>
          ))
        )}
        <h2>{t('privacy.download')}</h2>
        <ul class="actions">
          <li>
            <a href="/account/data.json" download>
              {t('privacy.downloadJson')}
            </a>
          </li>
          <li>
            <a href="/account/data.csv" download>
              {t('privacy.downloadCsv')}
            </a>
          </li>
        </ul>
        <h2>{t('privacy.erase')}</h2>
        <p>
          <a href="/account/data/erase">{t('privacy.erase')}</a>
        </p>
      </Layout>,
    );
  })
  .post('/account/data/consents', access.signedIn(), async (c) => {
    const form = await readForm(c, withdrawSchema);
    const { db } = c.var.deps;
    if (!form.ok || !(await peopleOfUser(db, c.var.user!)).includes(form.data.personId))
      throw new AppError('not_found');
    const { personId, purpose } = form.data;
    await audited(
      c,
      (tx) =>
        recordConsent(tx, {
          personId,
          purpose,
          status: 'withdrawn',
          method: 'self-service',
          recordedBy: c.var.user!.id,
        }),
      {
        action: 'privacy.consent_withdrawn',
        targetType: 'person',
        targetId: personId,
        data: { purpose },
      },
    );
    setFlash(c, 'consent.withdrawn');
    return c.redirect('/account/data', 303);
  })
  .get('/account/data.json', access.signedIn(), (c) => exportData(c, 'json'))
  .get('/account/data.csv', access.signedIn(), (c) => exportData(c, 'csv'))
  .get('/account/data/erase', access.signedIn(), (c) => render(c, <ErasePage c={c} />))
  .post(
    '/account/data/erase',
    access.signedIn(),
    rateLimit({ name: 'erase', limit: 10, windowSeconds: 900 }),
    async (c) => {
      const form = await readForm(c, eraseSchema);
      if (!form.ok) return render(c, <ErasePage c={c} errors={form.errors} />, 422);
      const user = c.var.user!;
      if (!(await verifyPassword(user.passwordHash, form.data.password))) {
        return render(
          c,
          <ErasePage c={c} errors={{ password: c.var.t('privacy.wrongPassword') }} />,
          422,
        );
      }
      await erasePersonalData(c.var.deps.db, c.var.modules, user, {
        ip: c.var.clientIp,
        userAgent: c.req.header('user-agent'),
      });
      await endSession(c);
      setFlash(c, 'privacy.erased');
      return c.redirect('/', 303);
    },
  );
