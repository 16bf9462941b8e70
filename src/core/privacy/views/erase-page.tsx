import type { FieldErrors } from '../../../http/form';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';

/**
 * The confirmation before a person erases their data: their password, then the button.
 *
 * @example
 * render(c, <ErasePage page={pageOf(c)} errors={{ password: t('privacy.wrongPassword') }} />, 422);
 */
export function ErasePage(props: { page: Page; errors?: FieldErrors }) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('privacy.erase')}>
      <h1>{t('privacy.erase')}</h1>
      <p>{t('privacy.eraseLead')}</p>
      <form method="post" action="/account/data/erase" class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={props.errors} />
        <Field
          name="password"
          type="password"
          label={t('privacy.eraseConfirm')}
          autocomplete="current-password"
          required
          errors={props.errors}
        />
        <button type="submit" class="danger">
          {t('privacy.eraseSubmit')}
        </button>
        <a href="/account/data">{t('members.cancel')}</a>
      </form>
    </Layout>
  );
}
