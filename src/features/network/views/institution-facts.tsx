import { countryName } from '../../../lib/format';
import type { Page } from '../../../views/page';
import type { Institution } from '../schema';

/**
 * What is known about an institution. The public page shows the public part only; organisers
 * also see the kind, the parent institution and internal notes.
 */
export function InstitutionFacts(props: {
  page: Page;
  institution: Institution;
  parent?: Institution;
  internal?: boolean;
}) {
  const { t, lang } = props.page;
  const i = props.institution;
  return (
    <dl class="facts">
      <dt>{t('network.field.group')}</dt>
      <dd>{t(`network.group.${i.stakeholderGroup}`)}</dd>
      {props.internal && (
        <>
          <dt>{t('network.field.kind')}</dt>
          <dd>{i.kind ? t(`network.kind.${i.kind}`) : '—'}</dd>
        </>
      )}
      <dt>{t('network.field.country')}</dt>
      <dd>{countryName(i.country, lang)}</dd>
      {i.website && (
        <>
          <dt>{t('network.field.website')}</dt>
          <dd>
            <a href={i.website} rel="noopener noreferrer">
              {i.website}
            </a>
          </dd>
        </>
      )}
      {props.internal && props.parent && (
        <>
          <dt>{t('network.field.parent')}</dt>
          <dd>
            <a href={`/network/institutions/${props.parent.id}`}>{props.parent.name}</a>
          </dd>
        </>
      )}
      {props.internal && i.notes && (
        <>
          <dt>{t('network.field.notes')}</dt>
          <dd>{i.notes}</dd>
        </>
      )}
    </dl>
  );
}
