import { Hono, type Context } from 'hono';
import { audited } from '../../../http/audit';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { inputErrorsOrThrow } from '../../../http/input-error';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { addOutcome } from '../add-outcome';
import { outcomeForm } from '../outcome-input';
import { listOutcomes } from '../queries';
import { ManageOutcomesPage } from '../views/manage-outcomes-page';
import { outcomeManagers, outcomesContext } from './outcomes-context';

async function listPage(
  c: Context<AppEnv>,
  form: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const ctx = await outcomesContext(c);
  const outcomes = await listOutcomes(c.var.deps.db, { editionId: ctx.edition.id });
  return render(
    c,
    <ManageOutcomesPage
      page={pageOf(c)}
      {...ctx}
      publicHref={`/e/${ctx.edition.slug}/outcomes`}
      outcomes={outcomes}
      {...form}
    />,
    form.errors ? 422 : 200,
  );
}

/** The committee's list of an edition's outcomes, and adding one as a draft. */
export const manageOutcomeRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/outcomes', outcomeManagers(), (c) => listPage(c))
  .post('/i/:slug/editions/:edition/outcomes', outcomeManagers(), async (c) => {
    const form = await readForm(c, outcomeForm);
    if (!form.ok) return listPage(c, form);
    const { edition, base, tracks } = await outcomesContext(c);
    try {
      await audited(
        c,
        (tx) =>
          addOutcome(tx, {
            editionId: edition.id,
            userId: c.var.user!.id,
            tracks,
            input: form.data,
          }),
        (o) => ({
          action: 'outcome.added',
          targetType: 'outcome',
          targetId: o.id,
          data: { editionId: edition.id, kind: o.kind, topic: o.topic },
        }),
      );
    } catch (error) {
      return listPage(c, { values: form.values, errors: inputErrorsOrThrow(c, error) });
    }
    setFlash(c, 'outcomes.manage.added');
    return c.redirect(base, 303);
  });
