import type { Context } from 'hono';
import type { AppEnv } from '../../../http/types';
import { isCountryCode } from '../../../lib/format';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import {
  genderChoices,
  participationKinds,
  stakeholderGroups,
  type GenderChoice,
  type ParticipationKind,
  type StakeholderGroup,
} from '../schema';

export type DirectoryQuery<S extends string> = {
  q?: string;
  group?: StakeholderGroup;
  country?: string;
  gender?: GenderChoice;
  participation?: ParticipationKind;
  sort: S;
  /** The same, as query parameters for pagination links. */
  raw: Record<string, string>;
};

/** Reads the directory's search, filters and sort from the query string, ignoring bad values. */
export function readDirectoryQuery<S extends string>(
  c: Context<AppEnv>,
  sorts: readonly S[],
): DirectoryQuery<S> {
  const q = (c.req.query('q') ?? '').trim().slice(0, 100) || undefined;
  const groupRaw = c.req.query('group');
  const group = stakeholderGroups.find((g) => g === groupRaw);
  const countryRaw = (c.req.query('country') ?? '').trim().toUpperCase();
  const country = isCountryCode(countryRaw) ? countryRaw : undefined;
  const genderRaw = c.req.query('gender');
  const gender = genderChoices.find((g) => g === genderRaw);
  const participationRaw = c.req.query('participation');
  const participation = participationKinds.find((k) => k === participationRaw);
  const sort = sorts.find((s) => s === c.req.query('sort')) ?? sorts[0]!;
  const raw: Record<string, string> = {};
  if (q) raw.q = q;
  if (group) raw.group = group;
  if (country) raw.country = country;
  if (gender) raw.gender = gender;
  if (participation) raw.participation = participation;
  if (sort !== sorts[0]) raw.sort = sort;
  return { q, group, country, gender, participation, sort, raw };
}

/** Search box, filters and sort as a GET form (works without JavaScript). */
export function DirectoryFilters<S extends string>(props: {
  page: Page;
  action: string;
  query: DirectoryQuery<S>;
  sorts: readonly S[];
  withGender?: boolean;
  withSearch?: boolean;
  withSort?: boolean;
}) {
  const { t } = props.page;
  const values = { ...props.query.raw, sort: props.query.sort };
  return (
    <form method="get" action={props.action} class="filters" role="search">
      {props.withSearch !== false && (
        <div class="field">
          <label for="f-q">{t('network.search')}</label>
          <input
            id="f-q"
            name="q"
            type="search"
            value={props.query.q ?? ''}
            aria-describedby="f-q-hint"
          />
          <p class="hint" id="f-q-hint">
            {t('network.searchHint')}
          </p>
        </div>
      )}
      <Select
        name="group"
        label={t('network.field.group')}
        empty={t('network.field.any')}
        options={stakeholderGroups.map((g) => [g, t(`network.group.${g}`)])}
        values={values}
      />
      <div class="field">
        <label for="f-country">{t('network.field.country')}</label>
        <input
          id="f-country"
          name="country"
          value={props.query.country ?? ''}
          size={3}
          maxlength={2}
        />
      </div>
      {props.withGender && (
        <Select
          name="gender"
          label={t('network.field.gender')}
          empty={t('network.field.any')}
          options={genderChoices.map((g) => [g, t(`network.gender.${g}`)])}
          values={values}
        />
      )}
      {props.withGender && (
        <Select
          name="participation"
          label={t('network.field.participation')}
          empty={t('network.field.any')}
          options={participationKinds.map((k) => [k, t(`network.participation.${k}`)])}
          values={values}
        />
      )}
      {props.withSort !== false && (
        <Select
          name="sort"
          label={t('network.sort')}
          options={props.sorts.map((s) => [
            s,
            t(`network.sort.${s as 'name' | 'country' | 'recent'}`),
          ])}
          values={values}
        />
      )}
      <button type="submit">{t('network.filter')}</button>
    </form>
  );
}
