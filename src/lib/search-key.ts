/**
 * The form of a text that search compares: no accents, lower case, single spaces.
 *
 * @example
 * searchKey('Sofía  Benítez'); // 'sofia benitez'
 * searchKey('Telefónica'); // 'telefonica'
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, each ready for a LIKE pattern (wildcards escaped). */
export function searchTerms(query: string): string[] {
  return searchKey(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[%_\\]/g, '\\$&')}%`);
}
