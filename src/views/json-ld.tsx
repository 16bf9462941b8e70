import type { Page } from './page';

/**
 * schema.org data for search engines and calendar tools, in a data block the CSP allows by nonce.
 *
 * @example
 * <JsonLd page={page} data={{ '@context': 'https://schema.org', '@type': 'Event', name: 'IGF' }} />
 */
export function JsonLd(props: { page: Page; data: object }) {
  const json = JSON.stringify(props.data).replace(/</g, '\\u003c');
  return (
    <script
      type="application/ld+json"
      nonce={props.page.nonce}
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
