import type { AccountDataSection } from '../../../core/module';
import type { Page } from '../../../views/page';
import { Csrf } from '../../../views/components';
import type { PersonRecord } from '../people';
import { consentPurposes } from '../schema';
import { PersonDetails } from './person-details';

/** One button per purpose whose latest decision is "given". */
function WithdrawConsents(props: {
  page: Page;
  personId: string;
  consents: PersonRecord['consents'];
}) {
  const { t } = props.page;
  const latest = new Map<string, string>();
  for (const k of [...props.consents].sort((a, b) => a.at.getTime() - b.at.getTime()))
    latest.set(k.purpose, k.status);
  const given = [...latest]
    .filter(([, status]) => status === 'given')
    .map(([purpose]) => purpose as (typeof consentPurposes)[number]);
  if (given.length === 0) return null;
  return (
    <ul class="inline-list">
      {given.map((purpose) => (
        <li>
          <form method="post" action="/account/data/consents">
            <Csrf page={props.page} />
            <input type="hidden" name="personId" value={props.personId} />
            <input type="hidden" name="purpose" value={purpose} />
            <button type="submit" class="secondary">
              {t('consent.withdraw')}: {t(`network.consent.${purpose}`)}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/**
 * The network's block on the person's data page: their records, each with a way to withdraw the
 * consents they gave.
 *
 * @example
 * <MyRecords page={page} records={records} />
 */
export function MyRecords(props: { page: Page; records: PersonRecord[] }) {
  const { page } = props;
  if (props.records.length === 0) return <p>{page.t('network.noRecords')}</p>;
  return (
    <>
      {props.records.map((r) => (
        <section>
          <h4>{r.name}</h4>
          <PersonDetails page={page} person={r} headingLevel={5} />
          <WithdrawConsents page={page} personId={r.id} consents={r.consents} />
        </section>
      ))}
    </>
  );
}

/** The network's part as collected for the download (`records`), shown as `MyRecords`. */
export const myRecordsSection: AccountDataSection = ({ page, data }) => (
  <MyRecords page={page} records={(data.records ?? []) as PersonRecord[]} />
);
