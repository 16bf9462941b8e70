import { Csrf } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import type { Outcome } from '../schema';
import { OutcomeText } from './outcome-text';

/**
 * The confirmation before an outcome is deleted.
 *
 * @example
 * render(c, <DeleteOutcomePage page={page} base={base} outcome={o} />);
 */
export function DeleteOutcomePage(props: { page: Page; base: string; outcome: Outcome }) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('outcomes.manage.deleteTitle')}>
      <h1>{t('outcomes.manage.deleteTitle')}</h1>
      <blockquote>
        <OutcomeText page={page} outcome={props.outcome} />
      </blockquote>
      <p>{t('outcomes.manage.deleteLead')}</p>
      <form method="post" action={`${props.base}/${props.outcome.id}/delete`} class="stack">
        <Csrf page={page} />
        <button type="submit" class="danger">
          {t('outcomes.manage.deleteConfirm')}
        </button>
        <a href={props.base}>{t('outcomes.manage.cancel')}</a>
      </form>
    </Layout>
  );
}
