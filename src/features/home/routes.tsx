import { Hono } from 'hono';
import { access } from '../../http/access';
import { render } from '../../http/render';
import type { AppEnv } from '../../http/types';
import { Layout } from '../../views/layout';
import { pageOf } from '../../views/page';
import { listInitiatives } from '../../core/initiatives/queries';
import { listEditions } from '../programme/index';

export const homeRoutes = new Hono<AppEnv>().get('/', access.anyone(), async (c) => {
  const page = pageOf(c);
  const { t, user } = page;
  const [initiatives, editions] = await Promise.all([
    listInitiatives(c.var.deps.db),
    listEditions(c.var.deps.db),
  ]);
  return render(
    c,
    <Layout page={page} title={t('app.tagline')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {user ? (
        <p>{t('home.welcomeBack', { name: user.name })}</p>
      ) : (
        <p>
          {t('home.getStarted')} <a href="/sign-up">{t('nav.signUp')}</a> ·{' '}
          <a href="/sign-in">{t('nav.signIn')}</a>
        </p>
      )}
      <h2>{t('home.cycle.title')}</h2>
      <ul>
        <li>{t('home.cycle.convene')}</li>
        <li>{t('home.cycle.fund')}</li>
        <li>{t('home.cycle.run')}</li>
        <li>{t('home.cycle.discuss')}</li>
        <li>{t('home.cycle.follow')}</li>
      </ul>
      <h2>{t('home.initiatives')}</h2>
      {initiatives.length === 0 ? (
        <p>{t('home.initiatives.empty')}</p>
      ) : (
        <ul>
          {initiatives.map((i) => (
            <li>
              {i.name}
              {editions.some((e) => e.initiativeId === i.id) && (
                <ul>
                  {editions
                    .filter((e) => e.initiativeId === i.id)
                    .map((e) => (
                      <li>
                        <a href={`/e/${e.slug}`}>{e.name}</a>
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
});
