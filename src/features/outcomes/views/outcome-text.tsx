import type { Page } from '../../../views/page';
import type { Outcome } from '../schema';

/**
 * An outcome's text in the reader's language; when it exists only in the other language, that
 * text with its language marked and a note saying it is not translated.
 *
 * @example
 * <OutcomeText page={page} outcome={o} />
 */
export function OutcomeText(props: { page: Page; outcome: Outcome }) {
  const { t, lang } = props.page;
  const o = props.outcome;
  const own = lang === 'es' ? o.textEs : o.textEn;
  if (own) return <p>{own}</p>;
  const other = lang === 'es' ? 'en' : 'es';
  return (
    <>
      <p lang={other}>{other === 'es' ? o.textEs : o.textEn}</p>
      <p class="hint">{t('outcomes.public.original')}</p>
    </>
  );
}
