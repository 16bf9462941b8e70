/**
 * The language an invitee is written to: the first of the person's languages (`people.languages`)
 * that Convoca speaks, else `fallback` (Spanish unless the organiser chose otherwise for a
 * pasted list).
 *
 * @example
 * inviteeLanguage(['kiche', 'en']); // 'en'
 * inviteeLanguage([]); // 'es'
 */
import { isLang, type Lang } from '../../../i18n/index';

export function inviteeLanguage(
  languages: readonly string[] | null | undefined,
  fallback: Lang = 'es',
): Lang {
  return (
    (languages ?? []).map((l) => l.trim().toLowerCase().split('-')[0]).find(isLang) ?? fallback
  );
}
