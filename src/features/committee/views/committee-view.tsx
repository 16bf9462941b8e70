/**
 * The committee's pages: its composition with the IGF rule check, and the form adding a member.
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { countryName } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import { genderChoices } from '../../network/schema';
import type { IgfRuleCheck } from '../check-igf-rules';
import type { CommitteeView as Committee } from '../queries';
import { ChoiceSelect } from './options';
import { RuleCheck } from './rule-check';

export type CommitteeViewProps = {
  page: Page;
  title: string;
  base: string;
  manage: boolean;
  committee: Committee;
  check: IgfRuleCheck;
};

/**
 * The committee page: links, focal point, the IGF rule check, members (with removal for managers) and working groups.
 *
 * @example
 * render(c, <CommitteeView page={page} title={title} base={base} manage={manage} committee={committee} check={check} />);
 */
export function CommitteeView(props: CommitteeViewProps) {
  const { page, title, base, manage, committee, check } = props;
  const { t } = page;
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <ul class="inline-list">
        <li>
          <a href={`${base}/meetings`}>{t('committee.meetings.title')}</a>
        </li>
        <li>
          <a href={`${base}/tasks`}>{t('committee.tasks.title')}</a>
        </li>
        <li>
          <a href={`${base}/activities`}>{t('committee.activities.title')}</a>
        </li>
        <li>
          <a href={`${base}/calendar`}>{t('committee.calendar.title')}</a>
        </li>
      </ul>
      <p>
        <strong>{t('committee.focal')}:</strong>{' '}
        <span data-focal>{committee.focal?.name ?? t('committee.focal.none')}</span>
        {manage && (
          <>
            {' · '}
            <a href={`${base}/settings`}>{t('committee.settings.title')}</a>
          </>
        )}
      </p>
      {committee.source && (
        <p class="hint">{t('committee.source', { source: committee.source })}</p>
      )}
      <RuleCheck page={page} check={check} />
      <h2>{t('committee.members.title')}</h2>
      {manage && (
        <p>
          <a href={`${base}/members/new`}>{t('committee.members.add')}</a>
        </p>
      )}
      {committee.members.length === 0 ? (
        <p>{t('committee.members.empty')}</p>
      ) : (
        <TableWrap label={t('committee.members.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('committee.member.institution')}</th>
                <th scope="col">{t('committee.member.group')}</th>
                <th scope="col">{t('committee.member.country')}</th>
                <th scope="col">{t('committee.member.city')}</th>
                <th scope="col">{t('committee.member.representatives')}</th>
                {manage && (
                  <th scope="col">
                    <span class="visually-hidden">{t('committee.member.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {committee.members.map((m) => (
                <tr data-member={m.acronym ?? m.name}>
                  <th scope="row">
                    {m.name}
                    {m.acronym && m.acronym !== m.name ? ` (${m.acronym})` : ''}
                  </th>
                  <td>{t(`network.group.${m.stakeholderGroup}`)}</td>
                  <td>{m.country ? countryName(m.country, page.lang) : t('committee.none')}</td>
                  <td>{m.city ?? t('committee.none')}</td>
                  <td>
                    {m.representatives.length === 0
                      ? t('committee.none')
                      : m.representatives.map((r, i) => (
                          <>
                            {i > 0 && ', '}
                            {r.name}
                            {manage && (
                              <form
                                method="post"
                                action={`${base}/members/${m.id}/remove`}
                                class="inline"
                              >
                                <Csrf page={page} />
                                <input type="hidden" name="personId" value={r.personId} />{' '}
                                <button type="submit" class="link">
                                  {t('committee.member.removeRep', { name: r.name })}
                                </button>
                              </form>
                            )}
                          </>
                        ))}
                  </td>
                  {manage && (
                    <td>
                      <form method="post" action={`${base}/members/${m.id}/remove`} class="inline">
                        <Csrf page={page} />
                        <button type="submit" class="link">
                          {t('committee.member.remove')}
                          <span class="visually-hidden"> {m.name}</span>
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {committee.members.some((m) => m.source) && (
        <p class="hint">
          {t('committee.source', {
            source: [...new Set(committee.members.map((m) => m.source).filter(Boolean))].join('; '),
          })}
        </p>
      )}
      <h2>{t('committee.groups.title')}</h2>
      {manage && (
        <p>
          <a href={`${base}/groups/new`}>{t('committee.groups.new')}</a>
        </p>
      )}
      {committee.groups.length === 0 ? (
        <p>{t('committee.groups.empty')}</p>
      ) : (
        <ul>
          {committee.groups.map((g) => (
            <li data-group={g.name}>
              <a href={`${base}/groups/${g.id}`}>{g.name}</a>
              {g.purpose && <> — {g.purpose}</>}
              {': '}
              {g.members.length
                ? g.members.map((p) => p.name).join(', ')
                : t('committee.group.noMembers')}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export type MemberFormViewProps = {
  page: Page;
  title: string;
  base: string;
  initiativeName: string;
  institutions: { id: string; name: string; acronym: string | null }[];
  choices: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
};

/**
 * The form adding an institution to the committee, with its representative (chosen or new).
 *
 * @example
 * render(c, <MemberFormView page={page} title={title} base={base} initiativeName={initiativeName} institutions={institutions} choices={choices} values={values} errors={errors} />);
 */
export function MemberFormView(props: MemberFormViewProps) {
  const { page, title, base, initiativeName, institutions, choices, values, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('committee.title', { name: initiativeName })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${base}/members`} class="stack" novalidate>
        <Csrf page={page} />
        <ErrorSummary page={page} errors={errors} />
        <ChoiceSelect
          page={page}
          name="institutionId"
          label={t('committee.member.institution')}
          empty={t('committee.member.unknownInstitution')}
          groups={[
            {
              options: institutions.map((i) => ({
                value: i.id,
                label: i.acronym && i.acronym !== i.name ? `${i.name} (${i.acronym})` : i.name,
              })),
            },
          ]}
          values={values}
          errors={errors}
        />
        <Field
          name="city"
          label={t('committee.member.city')}
          hint={t('committee.member.cityHint')}
          values={values}
          errors={errors}
        />
        <ChoiceSelect
          page={page}
          name="personId"
          label={t('committee.member.representative')}
          empty={t('committee.choosePerson')}
          groups={[{ options: choices.map((p) => ({ value: p.id, label: p.name })) }]}
          values={values}
          errors={errors}
        />
        <fieldset class="stack">
          <legend>{t('committee.member.orNew')}</legend>
          <Field
            name="newName"
            label={t('committee.member.newName')}
            values={values}
            errors={errors}
          />
          <Field
            name="newEmail"
            type="email"
            label={t('committee.member.newEmail')}
            values={values}
            errors={errors}
          />
          <Select
            name="newGender"
            label={t('committee.member.newGender')}
            empty={t('committee.none')}
            options={genderChoices
              .filter((g) => g !== 'self_described')
              .map((g) => [g, t(`network.gender.${g}`)])}
            values={values}
            errors={errors}
          />
          <p class="hint">{t('committee.member.genderHint')}</p>
        </fieldset>
        <button type="submit">{title}</button>
      </form>
    </Layout>
  );
}
