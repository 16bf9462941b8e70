import { Hono } from 'hono';
import { access } from '../../../http/access';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { moneyPermissions } from '../permissions';
import { listInitiativeEditions } from '../queries';

/** `/i/{slug}/money`: the initiative's editions, each with a link to its money. */
export const moneyIndexRoutes = new Hono<AppEnv>().get(
  '/i/:slug/money',
  access.initiative(moneyPermissions.viewMoney),
  async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const initiative = c.var.initiative;
    const rows = await listInitiativeEditions(c.var.deps.db, initiative.id);
    return render(
      c,
      <Layout page={page} title={t('money.index.title', { name: initiative.name })}>
        <h1>{t('money.index.title', { name: initiative.name })}</h1>
        {rows.length === 0 ? (
          <p>{t('money.index.empty')}</p>
        ) : (
          <ul>
            {rows.map((e) => (
              <li>
                <a href={`/i/${initiative.slug}/editions/${e.slug}/money`}>
                  {t('money.title', { edition: e.name })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  },
);
