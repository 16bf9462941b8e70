/**
 * The organisers' roster of an event's volunteers: search, the volunteers with their shifts and
 * access, adding someone from the initiative's network (search, then one button per person) or
 * anyone else by name (the form keeps what was typed, with its errors, when refused).
 *
 * @example
 * <RosterPage page={page} event={event} paths={paths} q="" personQ="" roster={roster}
 *   values={{ lang: page.lang }} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { RosterEntry } from '../list-roster';
import type { ProgrammeEvent } from '../../programme/schema';
import type { EventDayPaths } from '../routes/event-day-context';
import { accessText, ShiftText } from './shift-text';

export function RosterPage(props: {
  page: Page;
  event: ProgrammeEvent;
  paths: EventDayPaths;
  /** The roster search, as typed. */
  q: string;
  /** The network search, as typed. */
  personQ: string;
  roster: RosterEntry[];
  /** People of the network matching `personQ`, when it was given. */
  found?: { rows: { id: string; name: string }[] };
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { page, event, paths, q, personQ, roster, found, values, errors } = props;
  const { t } = page;
  const title = `${t('eventDay.volunteers.title')} · ${localTitle(page, event)}`;
  const zone = event.timeZone;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={paths.event}>{localTitle(page, event)}</a> ·{' '}
        <a href={`${paths.volunteers}/print`}>{t('eventDay.volunteers.print')}</a> ·{' '}
        <a href={paths.counts}>{t('eventDay.counts.title')}</a> ·{' '}
        <a href={paths.attendance}>{t('eventDay.attendance.title')}</a> ·{' '}
        <a href={paths.badges}>{t('eventDay.badges.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('eventDay.volunteers.lead')}</p>
      <form method="get" action={paths.volunteers} class="stack" role="search">
        <Field name="q" type="search" label={t('eventDay.volunteers.search')} value={q} />
        <button type="submit">{t('eventDay.search')}</button>
      </form>
      {roster.length === 0 ? (
        <p>{q ? t('eventDay.volunteers.noMatch') : t('eventDay.volunteers.empty')}</p>
      ) : (
        <TableWrap label={t('eventDay.volunteers.title')}>
          <table>
            <caption>
              {t('eventDay.volunteers.count', { count: roster.length })} ({zone})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('eventDay.volunteer.name')}</th>
                <th scope="col">{t('eventDay.volunteer.institution')}</th>
                <th scope="col">{t('eventDay.shifts')}</th>
                <th scope="col">{t('eventDay.access')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((v) => (
                <tr>
                  <td>
                    <a href={`${paths.volunteers}/${v.id}`}>{v.name}</a>
                    {v.sample && <> ({t('eventDay.sample')})</>}
                  </td>
                  <td>{v.institution ?? ''}</td>
                  <td>
                    {v.shifts.length === 0 ? (
                      t('eventDay.shifts.none')
                    ) : (
                      <ul>
                        {v.shifts.map((s) => (
                          <li>
                            <ShiftText page={page} zone={zone} shift={s} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{accessText(page, v, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('eventDay.volunteers.fromNetwork')}</h2>
      <form method="get" action={paths.volunteers} class="stack" role="search">
        <Field
          name="person"
          type="search"
          label={t('eventDay.volunteers.findPerson')}
          value={personQ}
          errors={errors?.personId ? { person: errors.personId } : undefined}
        />
        <button type="submit">{t('eventDay.search')}</button>
      </form>
      {found &&
        (found.rows.length === 0 ? (
          <p>{t('eventDay.volunteers.noPerson')}</p>
        ) : (
          <ul class="cards">
            {found.rows.map((p) => (
              <li class="card">
                <form method="post" action={paths.volunteers}>
                  <Csrf page={page} />
                  <input type="hidden" name="personId" value={p.id} />
                  <strong>{p.name}</strong>{' '}
                  <button type="submit">
                    {t('eventDay.volunteers.addPerson', { name: p.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ))}
      <h2>{t('eventDay.volunteers.addOther')}</h2>
      <form method="post" action={paths.volunteers} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={errors?.personId ? undefined : errors} />
        <Field
          name="name"
          label={t('eventDay.volunteer.name')}
          required
          values={values}
          errors={errors}
        />
        <Field
          name="email"
          type="email"
          label={t('eventDay.volunteer.email')}
          hint={t('eventDay.volunteer.emailHint')}
          values={values}
          errors={errors}
        />
        <Field
          name="institution"
          label={t('eventDay.volunteer.institution')}
          values={values}
          errors={errors}
        />
        <Select
          name="lang"
          label={t('eventDay.volunteer.lang')}
          options={[
            ['es', 'Español'],
            ['en', 'English'],
          ]}
          values={values}
          errors={errors}
        />
        <button type="submit">{t('eventDay.volunteers.add')}</button>
      </form>
    </Layout>
  );
}
