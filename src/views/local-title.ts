import type { Page } from './page';

/**
 * A record's title in the reader's language: English when they read English and it has one,
 * otherwise Spanish (every record has a Spanish title).
 *
 * @example
 * localTitle(page, { titleEs: 'Foro', titleEn: 'Forum' }); // 'Forum' on an English page
 */
export function localTitle(page: Page, s: { titleEs: string; titleEn: string | null }) {
  return page.lang === 'en' ? (s.titleEn ?? s.titleEs) : s.titleEs;
}
