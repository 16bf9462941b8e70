import { countryName } from '../../../lib/format';
import type { Page } from '../../../views/page';
import type { IgfRuleCheck, RuleStatus } from '../check-igf-rules';

const mark: Record<RuleStatus, string> = { met: '✓', missing: '✗', unknown: '?' };

function Status(props: { page: Page; status: RuleStatus }) {
  return (
    <strong class={`rule-status ${props.status}`} data-rule-status={props.status}>
      <span aria-hidden="true">{mark[props.status]} </span>
      {props.page.t(`committee.rule.${props.status}`)}
    </strong>
  );
}

/** The IGF rule check, each rule with its state in words and what is missing. */
export function RuleCheck(props: { page: Page; check: IgfRuleCheck }) {
  const { page, check } = props;
  const { t } = page;
  const groups = (list: string[]) =>
    list.map((g) => t(`network.group.${g}` as Parameters<typeof t>[0])).join(', ');
  const g = check.gender;
  const total = g.recorded + g.unrecorded;
  return (
    <section aria-labelledby="rules-title" class="rules" data-all-met={String(check.allMet)}>
      <h2 id="rules-title">{t('committee.rules.title')}</h2>
      <p>{t('committee.rules.intro')}</p>
      <p class={check.allMet ? 'notice' : 'notice error'} role="status">
        {t(check.allMet ? 'committee.rules.allMet' : 'committee.rules.someMissing')}
      </p>
      <ul class="rule-list">
        <li data-rule="stakeholders">
          <h3>{t('committee.rule.stakeholders')}</h3>
          <Status page={page} status={check.stakeholders.status} />
          <p>
            {check.stakeholders.groups.length
              ? t('committee.rule.stakeholders.have', {
                  count: check.stakeholders.groups.length,
                  groups: groups(check.stakeholders.groups),
                })
              : t('committee.rule.stakeholders.none')}
          </p>
          {check.stakeholders.needed > 0 && (
            <p>
              {t('committee.rule.stakeholders.need', {
                count: check.stakeholders.needed,
                groups: groups(check.stakeholders.absent),
              })}
            </p>
          )}
        </li>
        <li data-rule="gender">
          <h3>{t('committee.rule.gender')}</h3>
          <Status page={page} status={g.status} />
          <p>{t('committee.rule.gender.counts', { ...g.counts, unrecorded: g.unrecorded })}</p>
          {g.status === 'missing' && g.largest && (
            <p>
              {t('committee.rule.gender.tooMany', {
                share: Math.round(g.largest.share * 100),
                gender: t(`network.gender.${g.largest.gender}`),
              })}
            </p>
          )}
          {g.status === 'unknown' && (
            <p>{t('committee.rule.gender.unknown', { recorded: g.recorded, total })}</p>
          )}
          <p class="hint">{t('committee.rule.gender.definition')}</p>
        </li>
        <li data-rule="regional">
          <h3>{t('committee.rule.regional')}</h3>
          <Status page={page} status={check.regional.status} />
          <p>
            {t('committee.rule.regional.places', {
              countries:
                check.regional.countries.map((c) => countryName(c, page.lang)).join(', ') ||
                t('committee.none'),
              cities: check.regional.cities.join(', ') || t('committee.none'),
            })}
          </p>
          {check.regional.status === 'missing' && <p>{t('committee.rule.regional.need')}</p>}
          {check.regional.status === 'unknown' && (
            <p>{t('committee.rule.regional.unknown', { count: check.regional.withoutCity })}</p>
          )}
        </li>
      </ul>
    </section>
  );
}
