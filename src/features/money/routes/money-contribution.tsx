import { Hono, type Context } from 'hono';
import { allows } from '../../../core/access/policy';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { cancelPledge } from '../cancel-pledge';
import { correctReceipt } from '../correct-receipt';
import { cancelForm, correctionForm, receiptForm } from '../money-input';
import { moneyPermissions } from '../permissions';
import { contributionHistory } from '../queries';
import { recordReceipt } from '../record-receipt';
import { ContributionPage } from '../views/contribution-page';
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
  const { edition, base, contribution, entries, expenses } = await loadContribution(c);
  return render(
    c,
    <ContributionPage
      page={pageOf(c)}
      editionName={edition.name}
      base={base}
      contribution={contribution}
      entries={entries}
      expenses={expenses}
      canEdit={allows(moneyPermissions.editMoney, c.var.user, c.var.roles)}
      values={o.values}
      errors={o.errors}
    />,
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
        await audited(
          c,
          (tx) =>
            recordReceipt(tx, {
              editionId: edition.id,
              contributionId: contribution.id,
              userId: c.var.user?.id ?? null,
              receivedOn: form.data.receivedOn,
              amountText: form.data.amount,
            }),
          (entry) => ({
            action: 'money.receipt_recorded',
            targetType: 'contribution',
            targetId: contribution.id,
            data: {
              entryId: entry?.id,
              amountMinor: entry?.amountMinor,
              receivedOn: form.data.receivedOn,
            },
          }),
        );
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
        await audited(
          c,
          (tx) =>
            correctReceipt(tx, {
              editionId: edition.id,
              contributionId: contribution.id,
              userId: c.var.user?.id ?? null,
              amountText: form.data.amount,
              note: form.data.note,
            }),
          (entry) => ({
            action: 'money.receipt_corrected',
            targetType: 'contribution',
            targetId: contribution.id,
            data: { entryId: entry?.id, differenceMinor: entry?.amountMinor, note: form.data.note },
          }),
        );
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
        await audited(
          c,
          (tx) =>
            cancelPledge(tx, {
              editionId: edition.id,
              contributionId: contribution.id,
              userId: c.var.user?.id ?? null,
              note: form.data.note,
            }),
          {
            action: 'money.pledge_cancelled',
            targetType: 'contribution',
            targetId: contribution.id,
            data: { note: form.data.note },
          },
        );
      } catch (e) {
        return contributionPage(c, { values: form.values, errors: moneyErrors(c, e) });
      }
      setFlash(c, 'money.cancel.saved');
      return c.redirect(`${base}/contributions/${contribution.id}`, 303);
    },
  );
