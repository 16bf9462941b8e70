import { Hono, type Context } from 'hono';
import { audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { deleteOutcome } from '../delete-outcome';
import { findOutcome } from '../queries';
import type { OutcomeStatus } from '../schema';
import { setOutcomeStatus } from '../set-outcome-status';
import { DeleteOutcomePage } from '../views/delete-outcome-page';
import { outcomeManagers, outcomesContext } from './outcomes-context';

const PATH = '/i/:slug/editions/:edition/outcomes/:outcome';

async function loadOutcome(c: Context<AppEnv>) {
  const ctx = await outcomesContext(c);
  const outcome = await findOutcome(c.var.deps.db, {
    editionId: ctx.edition.id,
    outcomeId: c.req.param('outcome') ?? '',
  });
  if (!outcome) throw new AppError('not_found');
  return { ...ctx, outcome };
}

function changeStatus(status: OutcomeStatus) {
  return async (c: Context<AppEnv>) => {
    const { edition, base, outcome } = await loadOutcome(c);
    await audited(
      c,
      (tx) =>
        setOutcomeStatus(tx, {
          editionId: edition.id,
          outcomeId: outcome.id,
          status,
          userId: c.var.user!.id,
        }),
      (changed) =>
        changed
          ? {
              action: status === 'published' ? 'outcome.published' : 'outcome.withdrawn',
              targetType: 'outcome',
              targetId: outcome.id,
              data: { editionId: edition.id },
            }
          : null,
    );
    setFlash(c, status === 'published' ? 'outcomes.manage.published' : 'outcomes.manage.withdrawn');
    return c.redirect(base, 303);
  };
}

/** Publishing an outcome, taking it back to draft, and deleting it after a confirmation. */
export const outcomeActionRoutes = new Hono<AppEnv>()
  .post(`${PATH}/publish`, outcomeManagers(), changeStatus('published'))
  .post(`${PATH}/withdraw`, outcomeManagers(), changeStatus('draft'))
  .get(`${PATH}/delete`, outcomeManagers(), async (c) => {
    const { base, outcome } = await loadOutcome(c);
    return render(c, <DeleteOutcomePage page={pageOf(c)} base={base} outcome={outcome} />);
  })
  .post(`${PATH}/delete`, outcomeManagers(), async (c) => {
    const { edition, base, outcome } = await loadOutcome(c);
    await audited(c, (tx) => deleteOutcome(tx, { editionId: edition.id, outcomeId: outcome.id }), {
      action: 'outcome.deleted',
      targetType: 'outcome',
      targetId: outcome.id,
      data: { editionId: edition.id, kind: outcome.kind, topic: outcome.topic },
    });
    setFlash(c, 'outcomes.manage.deleted');
    return c.redirect(base, 303);
  });
