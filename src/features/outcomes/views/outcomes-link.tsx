import type { Page } from '../../../views/page';

/** The public edition page's link to the edition's conclusions and recommendations. */
export function OutcomesLink(props: { page: Page; edition: { slug: string } }) {
  return (
    <p>
      <a href={`/e/${props.edition.slug}/outcomes`}>{props.page.t('outcomes.edition.link')}</a>
    </p>
  );
}
