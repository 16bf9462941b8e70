import type { Page } from '../../../views/page';

/** The public edition page's link to the edition's topics. */
export function TopicsLink(props: { page: Page; edition: { slug: string } }) {
  return (
    <p>
      <a href={`/e/${props.edition.slug}/topics`}>{props.page.t('topics.edition.link')}</a>
    </p>
  );
}
