import { TableWrap } from '../../../views/components';
import { peopleCount } from '../../../lib/suppress';
import type { Page } from '../../../views/page';
import {
  genderChoices,
  stakeholderGroups,
  type GenderChoice,
  type StakeholderGroup,
} from '../schema';

/** People by stakeholder group and gender; every cell of 1–4 people is shown as "<5". */
export function PeopleStats(props: {
  page: Page;
  rows: { group: StakeholderGroup | null; gender: GenderChoice | null; n: number }[];
}) {
  const { t, lang } = props.page;
  const genders = [...genderChoices, null] as const;
  const groups = [...stakeholderGroups, null] as const;
  const cell = (g: StakeholderGroup | null, s: GenderChoice | null | 'all') =>
    props.rows
      .filter((r) => r.group === g && (s === 'all' || r.gender === s))
      .reduce((sum, r) => sum + r.n, 0);
  const total = props.rows.reduce((sum, r) => sum + r.n, 0);
  if (total === 0) return null;
  return (
    <details class="stats">
      <summary>{t('network.stats.title')}</summary>
      <TableWrap label={t('network.stats.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('network.field.group')}</th>
              {genders.map((g) => (
                <th scope="col">
                  {g ? t(`network.gender.${g}`).replace(/:$/, '') : t('network.stats.unknown')}
                </th>
              ))}
              <th scope="col">{t('network.stats.total')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr>
                <th scope="row">
                  {group ? t(`network.group.${group}`) : t('network.stats.unknown')}
                </th>
                {genders.map((g) => (
                  <td>{peopleCount(cell(group, g), lang)}</td>
                ))}
                <td>{peopleCount(cell(group, 'all'), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="hint">{t('map.suppressed')}</p>
    </details>
  );
}
