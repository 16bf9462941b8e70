import { countryName } from '../../../lib/format';
import type { Page } from '../../../views/page';
import type { PersonRecord } from '../people';
import { byYear } from '../participation';
import { HistoryList } from './history';

/** Everything held about a person, as organisers and the person themselves see it. */
export function PersonDetails(props: {
  page: Page;
  person: PersonRecord;
  linkInstitutions?: boolean;
  /** The level of the details' sub-headings: 2 on a person's page, lower inside a section. */
  headingLevel?: 2 | 5;
}) {
  const { t, lang } = props.page;
  const H = props.headingLevel === 5 ? 'h5' : 'h2';
  const p = props.person;
  const gender =
    p.genderChoice === 'self_described'
      ? p.genderSelfDescribed
      : p.genderChoice
        ? t(`network.gender.${p.genderChoice}`)
        : null;
  return (
    <>
      <dl class="facts">
        <dt>{t('network.field.group')}</dt>
        <dd>{p.group ? t(`network.group.${p.group}`) : '—'}</dd>
        <dt>{t('network.field.country')}</dt>
        <dd>{countryName(p.country, lang)}</dd>
        <dt>{t('network.field.languages')}</dt>
        <dd>{p.languages.length ? p.languages.join(', ') : '—'}</dd>
        <dt>{t('network.field.gender')}</dt>
        <dd>{gender ?? '—'}</dd>
        <dt>{t('network.people.emails')}</dt>
        <dd>{p.emails.length ? p.emails.map((e) => e.email).join(', ') : '—'}</dd>
        <dt>{t('network.people.phones')}</dt>
        <dd>{p.phones.length ? p.phones.map((e) => e.phone).join(', ') : '—'}</dd>
        {p.notes && (
          <>
            <dt>{t('network.field.notes')}</dt>
            <dd>{p.notes}</dd>
          </>
        )}
      </dl>
      <H>{t('network.people.affiliations')}</H>
      {p.affiliations.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {p.affiliations.map((a) => (
            <li>
              {props.linkInstitutions ? (
                <a href={`/network/institutions/${a.institutionId}`}>{a.institution}</a>
              ) : (
                a.institution
              )}
              {a.title && <> — {a.title}</>}
              {(a.startedOn || a.endedOn) && (
                <>
                  {' '}
                  ({a.startedOn ?? '…'} – {a.endedOn ?? '…'})
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <H>{t('network.people.consents')}</H>
      {p.consents.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {p.consents.map((k) => (
            <li>
              {t(`network.consent.${k.purpose}`)}: {t(`network.consent.${k.status}`)} (
              {k.at.toISOString().slice(0, 10)}, {k.method})
            </li>
          ))}
        </ul>
      )}
      <H>{t('network.history')}</H>
      <HistoryList page={props.page} groups={byYear(p.history)} />
    </>
  );
}
