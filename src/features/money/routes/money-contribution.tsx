import { Hono, type Context } from 'hono';
import { allows } from '../../../core/access/policy';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatMoney } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { toMajorText } from '../amounts';
import { cancelPledge } from '../cancel-pledge';
import { correctReceipt } from '../correct-receipt';
import { cancelForm, correctionForm, receiptForm } from '../money-input';
import { moneyPermissions } from '../permissions';
import { contributionHistory } from '../queries';
import { recordReceipt } from '../record-receipt';
import { ExpenseTable } from '../views/money-tables';
import { isUuid } from '../../../lib/uuid';
import { editors, moneyEdition, moneyErrors, viewers } from './money-context';

type Form = { values?: FormValues; errors?: FieldErrors };

async function loadContribution(c: Context<AppEnv>) {
  const { edition, base } = await moneyEdition(c);
  const id = c.req.param('contribution');
  const history = isUuid(id)
    ? await contributionHistory(c.var.deps.db, edition.id, id!)
    : undefined;
  if (!history) throw new AppError('not_found');
  return { edition, base, ...history };
}

async function contributionPage(c: Context<AppEnv>, o: Form = {}) {
  const { edition, base, contribution: k, entries, expenses } = await loadContribution(c);
  const page = pageOf(c);
  const { t, lang } = page;
  const money = (n: number) => formatMoney({ amountMinor: n, currency: k.currency }, lang);
  const canEdit = allows(moneyPermissions.editMoney, c.var.user, c.var.roles);
  const path = `${base}/contributions/${k.id}`;
  const title = `${k.donor} · ${t(k.kind === 'cash' ? 'money.kind.cash' : 'money.kind.in_kind')}`;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: edition.name })}</a> ·{' '}
        <a href={`${base}/donors/${k.institutionId}`}>{t('money.statement')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('money.status')}</dt>
        <dd data-status={k.status}>{t(`money.status.${k.status}`)}</dd>
        <dt>{k.kind === 'cash' ? t('money.pledge.amount') : t('money.inKind.value')}</dt>
        <dd>{k.amountMinor === null ? t('money.inKind.noValue') : money(k.amountMinor)}</dd>
        {k.kind === 'cash' && (
          <>
            <dt>{t('money.pledge.date')}</dt>
            <dd>{k.pledgedOn ?? '—'}</dd>
            <dt>{t('money.balance.received')}</dt>
            <dd data-received>{money(k.receivedMinor)}</dd>
            <dt>{t('money.restrictedTo')}</dt>
            <dd>{k.restrictedTo.length ? k.restrictedTo.join(', ') : t('money.unrestricted')}</dd>
          </>
        )}
        {k.description && (
          <>
            <dt>{t('money.inKind.description')}</dt>
            <dd>{k.description}</dd>
          </>
        )}
        <dt>{t('money.acknowledged')}</dt>
        <dd>
          {k.acknowledged ? t('common.yes') : t('common.no')}
          {k.sponsorLevel && <> · {t(`money.level.${k.sponsorLevel}`)}</>}
        </dd>
      </dl>
      <h2>{t('money.history')}</h2>
      {entries.length === 0 ? (
        <p>{t('money.history.empty')}</p>
      ) : (
        <TableWrap label={t('money.history')}>
          <table>
            <caption>{t('money.history')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('money.date')}</th>
                <th scope="col">{t('money.entry')}</th>
                <th scope="col">{t('money.amount')}</th>
                <th scope="col">{t('money.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr data-entry={e.kind}>
                  <td>{e.id}</td>
                  <td>{e.occurredOn}</td>
                  <th scope="row">
                    {t(`money.entry.${e.kind}`)}
                    {e.corrects && <> ({t('money.entry.corrects', { id: e.corrects })})</>}
                  </th>
                  <td>{money(e.amountMinor)}</td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {k.kind === 'cash' && (
        <>
          <h2>{t('money.expense.paidFromThis')}</h2>
          <ExpenseTable page={page} rows={expenses} base={base} />
        </>
      )}
      {canEdit && k.kind === 'cash' && k.status === 'pledged' && (
        <>
          <form method="post" action={`${path}/receipt`} class="stack" novalidate>
            <h2>{t('money.receipt.record')}</h2>
            <Csrf page={page} />
            <ErrorSummary
              page={page}
              errors={o.errors?.receivedOn || o.errors?.amount ? o.errors : undefined}
            />
            <Field
              name="receivedOn"
              type="date"
              label={t('money.receipt.date')}
              required
              values={o.values}
              errors={o.errors}
            />
            <Field
              name="amount"
              label={t('money.receipt.amount')}
              hint={t('money.receipt.amountHint')}
              value={
                typeof o.values?.amount === 'string'
                  ? o.values.amount
                  : toMajorText(k.amountMinor ?? 0, k.currency)
              }
              errors={o.errors}
            />
            <button type="submit">{t('money.receipt.record')}</button>
          </form>
          <form method="post" action={`${path}/cancel`} class="stack" novalidate>
            <h2>{t('money.cancel')}</h2>
            <Csrf page={page} />
            <Field
              name="note"
              label={t('money.cancel.reason')}
              required
              values={o.values}
              errors={o.errors}
            />
            <button type="submit" class="danger">
              {t('money.cancel')}
            </button>
          </form>
        </>
      )}
      {canEdit && k.kind === 'cash' && k.status === 'received' && (
        <form method="post" action={`${path}/correction`} class="stack" novalidate>
          <h2>{t('money.correction')}</h2>
          <p>{t('money.correction.lead')}</p>
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.errors} />
          <Field
            name="amount"
            label={t('money.correction.total')}
            hint={t('money.form.amountHint')}
            required
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="note"
            label={t('money.correction.reason')}
            required
            values={o.values}
            errors={o.errors}
          />
          <button type="submit">{t('money.correction')}</button>
        </form>
      )}
    </Layout>,
    o.errors ? 422 : 200,
  );
}

/** One contribution: its ledger, and recording its receipt, a correction or its cancellation. */
export const moneyContributionRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/money/contributions/:contribution', viewers(), (c) =>
    contributionPage(c),
  )
  .post(
    '/i/:slug/editions/:edition/money/contributions/:contribution/receipt',
    editors(),
    async (c) => {
      const { edition, base, contribution } = await loadContribution(c);
      const form = await readForm(c, receiptForm);
      if (!form.ok) return contributionPage(c, form);
      try {
        const entry = await recordReceipt(c.var.deps.db, {
          editionId: edition.id,
          contributionId: contribution.id,
          userId: c.var.user?.id ?? null,
          receivedOn: form.data.receivedOn,
          amountText: form.data.amount,
        });
        await audit(c, 'money.receipt_recorded', {
          targetType: 'contribution',
          targetId: contribution.id,
          data: {
            entryId: entry?.id,
            amountMinor: entry?.amountMinor,
            receivedOn: form.data.receivedOn,
          },
        });
      } catch (e) {
        return contributionPage(c, { values: form.values, errors: moneyErrors(c, e) });
      }
      setFlash(c, 'money.receipt.saved');
      return c.redirect(`${base}/contributions/${contribution.id}`, 303);
    },
  )
  .post(
    '/i/:slug/editions/:edition/money/contributions/:contribution/correction',
    editors(),
    async (c) => {
      const { edition, base, contribution } = await loadContribution(c);
      const form = await readForm(c, correctionForm);
      if (!form.ok) return contributionPage(c, form);
      try {
        const entry = await correctReceipt(c.var.deps.db, {
          editionId: edition.id,
          contributionId: contribution.id,
          userId: c.var.user?.id ?? null,
          amountText: form.data.amount,
          note: form.data.note,
        });
        await audit(c, 'money.receipt_corrected', {
          targetType: 'contribution',
          targetId: contribution.id,
          data: { entryId: entry?.id, differenceMinor: entry?.amountMinor, note: form.data.note },
        });
      } catch (e) {
        return contributionPage(c, { values: form.values, errors: moneyErrors(c, e) });
      }
      setFlash(c, 'money.correction.saved');
      return c.redirect(`${base}/contributions/${contribution.id}`, 303);
    },
  )
  .post(
    '/i/:slug/editions/:edition/money/contributions/:contribution/cancel',
    editors(),
    async (c) => {
      const { edition, base, contribution } = await loadContribution(c);
      const form = await readForm(c, cancelForm);
      if (!form.ok) return contributionPage(c, form);
      try {
        await cancelPledge(c.var.deps.db, {
          editionId: edition.id,
          contributionId: contribution.id,
          userId: c.var.user?.id ?? null,
          note: form.data.note,
        });
        await audit(c, 'money.pledge_cancelled', {
          targetType: 'contribution',
          targetId: contribution.id,
          data: { note: form.data.note },
        });
      } catch (e) {
        return contributionPage(c, { values: form.values, errors: moneyErrors(c, e) });
      }
      setFlash(c, 'money.cancel.saved');
      return c.redirect(`${base}/contributions/${contribution.id}`, 303);
    },
  );
