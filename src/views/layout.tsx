import type { Child } from 'hono/jsx';
import type { Page } from './page';

/** The shell of every page: skip link, header with navigation and language switch, footer. */
export function Layout(props: {
  page: Page;
  title: string;
  children: Child;
  refreshSeconds?: number;
}) {
  const { page, title } = props;
  const { t, user } = page;
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        <meta name="description" content={t('app.tagline')} />
        <link rel="stylesheet" href="/static/styles.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {props.refreshSeconds && (
          <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
        )}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                <a href="/" aria-current={page.path === '/' ? 'page' : undefined}>
                  {t('nav.home')}
                </a>
              </li>
              {user ? (
                <>
                  <li>
                    <a
                      href="/account"
                      aria-current={page.path.startsWith('/account') ? 'page' : undefined}
                    >
                      {t('nav.account')}
                    </a>
                  </li>
                  {user.isAdmin && (
                    <li>
                      <a
                        href="/admin"
                        aria-current={page.path.startsWith('/admin') ? 'page' : undefined}
                      >
                        {t('nav.admin')}
                      </a>
                    </li>
                  )}
                  <li>
                    <form method="post" action="/sign-out" class="inline">
                      <input type="hidden" name="_csrf" value={page.csrfToken} />
                      <button type="submit" class="link">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href="/sign-in">{t('nav.signIn')}</a>
                  </li>
                  <li>
                    <a href="/sign-up">{t('nav.signUp')}</a>
                  </li>
                </>
              )}
              <li>
                <a
                  href={page.otherLangHref}
                  lang={page.lang === 'es' ? 'en' : 'es'}
                  hreflang={page.lang === 'es' ? 'en' : 'es'}
                  aria-label={t('nav.switchToLabel')}
                >
                  {t('nav.switchTo')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {page.flash && (
            <p class="notice" role="status">
              {t(page.flash.key, page.flash.params)}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footer.text')}</p>
          <p>{t('footer.privacy')}</p>
          <p>
            <a href="/institutions">{t('directory.title')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
