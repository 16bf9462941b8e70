/**
 * The IGF's rules for a recognised national or regional initiative, as far as the committee's
 * composition shows them (decision 0015):
 * - stakeholders: member institutions from at least three stakeholder groups;
 * - gender: among the representatives whose gender is recorded, no gender above two thirds. It
 *   can only be judged when at least two representatives and at least half of them have a
 *   recorded gender; "prefer not to say" and blank count as not recorded, never as a gender;
 * - regional: members in more than one country, or in more than one city of one country. A
 *   member without a city leaves the rule "unknown" rather than failing it.
 * Pure: give it the composition, it says what is met and what is missing.
 *
 * @example
 * const check = checkIgfRules({ members: [{ stakeholderGroup: 'government', country: 'GT', city: 'Guatemala', representatives: [] }] });
 * check.stakeholders; // { status: 'missing', groups: ['government'], needed: 2, absent: [...] }
 */
import { searchKey } from '../../lib/search-key';
import { stakeholderGroups, type GenderChoice, type StakeholderGroup } from '../network/schema';

export type RuleStatus = 'met' | 'missing' | 'unknown';

export type RuleMember = {
  stakeholderGroup: StakeholderGroup;
  country: string | null;
  city: string | null;
  representatives: { personId: string; gender: GenderChoice | null }[];
};

/** The genders the balance rule counts; the rest is "not recorded". */
export const countedGenders = ['woman', 'man', 'non_binary', 'self_described'] as const;
export type CountedGender = (typeof countedGenders)[number];

/** A gender above this share of the recorded representatives breaks the balance. */
export const MAX_GENDER_SHARE = 2 / 3;
export const MIN_STAKEHOLDER_GROUPS = 3;

export type IgfRuleCheck = {
  stakeholders: {
    status: RuleStatus;
    groups: StakeholderGroup[];
    /** How many more groups are needed (0 when met). */
    needed: number;
    absent: StakeholderGroup[];
  };
  gender: {
    status: RuleStatus;
    counts: Record<CountedGender, number>;
    recorded: number;
    unrecorded: number;
    /** The most frequent recorded gender and its share, when any is recorded. */
    largest: { gender: CountedGender; share: number } | null;
  };
  regional: {
    status: RuleStatus;
    countries: string[];
    cities: string[];
    withoutCity: number;
  };
  allMet: boolean;
};

export function checkIgfRules(input: { members: RuleMember[] }): IgfRuleCheck {
  const groups = stakeholderGroups.filter((g) =>
    input.members.some((m) => m.stakeholderGroup === g),
  );
  const needed = Math.max(0, MIN_STAKEHOLDER_GROUPS - groups.length);
  const stakeholders = {
    status: (needed === 0 ? 'met' : 'missing') as RuleStatus,
    groups,
    needed,
    absent: stakeholderGroups.filter((g) => !groups.includes(g)),
  };

  const byPerson = new Map<string, GenderChoice | null>();
  for (const m of input.members)
    for (const r of m.representatives) byPerson.set(r.personId, r.gender);
  const counts = Object.fromEntries(countedGenders.map((g) => [g, 0])) as Record<
    CountedGender,
    number
  >;
  for (const g of byPerson.values())
    if (g && (countedGenders as readonly string[]).includes(g)) counts[g as CountedGender] += 1;
  const recorded = countedGenders.reduce((n, g) => n + counts[g], 0);
  const unrecorded = byPerson.size - recorded;
  const top = countedGenders.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  const largest = recorded ? { gender: top, share: counts[top] / recorded } : null;
  const judgeable = recorded >= 2 && recorded * 2 >= byPerson.size;
  const gender = {
    status: (!judgeable
      ? 'unknown'
      : largest!.share > MAX_GENDER_SHARE
        ? 'missing'
        : 'met') as RuleStatus,
    counts,
    recorded,
    unrecorded,
    largest,
  };

  const countries = [
    ...new Set(input.members.map((m) => m.country).filter((c): c is string => Boolean(c))),
  ].sort();
  const cityNames = new Map<string, string>();
  for (const m of input.members)
    if (m.city?.trim()) cityNames.set(`${m.country ?? ''}|${searchKey(m.city)}`, m.city.trim());
  const cities = [...cityNames.values()].sort();
  const withoutCity = input.members.filter((m) => !m.city?.trim()).length;
  const regional = {
    status: (countries.length > 1 || cityNames.size > 1
      ? 'met'
      : withoutCity > 0 && input.members.length > 1
        ? 'unknown'
        : 'missing') as RuleStatus,
    countries,
    cities,
    withoutCity,
  };

  return {
    stakeholders,
    gender,
    regional,
    allMet: [stakeholders, gender, regional].every((r) => r.status === 'met'),
  };
}
