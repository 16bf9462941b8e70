import { Hono } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatDateTime } from '../../../lib/format';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import type { ProgrammeChange } from '../publishing/diff-snapshots';
import { describeChange } from '../publishing/publish-event';
import { listVersions } from '../publishing/published-programme';
import { findEdition, listEvents } from '../queries';
import { localTitle } from '../../../views/local-title';

/** `/e/{slug}/changes`: every published version of the public programme and what changed. */
export const publicChangesRoutes = new Hono<AppEnv>().get(
  '/e/:slug/changes',
  access.anyone(),
  async (c) => {
    const { db } = c.var.deps;
    const edition = await findEdition(db, c.req.param('slug'));
    if (!edition) throw new AppError('not_found');
    const shown = (await listEvents(db, edition.id)).filter((r) => r.event.visibility === 'public');
    const eventOf = new Map(shown.map((r) => [r.event.id, r.event]));
    const versions = await listVersions(db, [...eventOf.keys()]);
    const page = pageOf(c);
    const { t, lang } = page;
    return render(
      c,
      <Layout page={page} title={`${t('changes.title')} · ${edition.name}`}>
        <p>
          <a href={`/e/${edition.slug}/programme`}>{t('programme.back')}</a>
        </p>
        <h1>{t('changes.title')}</h1>
        <p>{t('changes.lead')}</p>
        {versions.length === 0 && <p>{t('changes.empty')}</p>}
        {versions.map((v) => {
          const event = eventOf.get(v.eventId)!;
          const changes = v.changes as ProgrammeChange[];
          return (
            <section>
              <h2>
                {localTitle(page, event)} ·{' '}
                {t('changes.version', {
                  number: v.number,
                  date: formatDateTime(v.publishedAt, lang, event.timeZone),
                })}
              </h2>
              {changes.length === 0 ? (
                <p>{t('changes.none')}</p>
              ) : (
                <ul>
                  {changes.map((ch) => (
                    <li>
                      {ch.type === 'removed' ? (
                        describeChange(ch, lang, event.timeZone)
                      ) : (
                        <a href={`/e/${edition.slug}/sessions/${ch.sessionId}`}>
                          {describeChange(ch, lang, event.timeZone)}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </Layout>,
    );
  },
);
