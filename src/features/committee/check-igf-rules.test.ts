import { describe, expect, it } from 'vitest';
import { checkIgfRules, type RuleMember } from './check-igf-rules';
import type { GenderChoice, StakeholderGroup } from '../network/schema';

let n = 0;
function member(
  group: StakeholderGroup,
  o: { country?: string | null; city?: string | null; genders?: (GenderChoice | null)[] } = {},
): RuleMember {
  return {
    stakeholderGroup: group,
    country: o.country === undefined ? 'GT' : o.country,
    city: o.city === undefined ? 'Guatemala' : o.city,
    representatives: (o.genders ?? []).map((gender) => ({ personId: `p${++n}`, gender })),
  };
}

describe('stakeholder groups', () => {
  it('is missing with two groups, saying one more is needed and which are absent', () => {
    const r = checkIgfRules({
      members: [member('government'), member('academia'), member('academia')],
    });
    expect(r.stakeholders.status).toBe('missing');
    expect(r.stakeholders.groups).toEqual(['government', 'academia']);
    expect(r.stakeholders.needed).toBe(1);
    expect(r.stakeholders.absent).toContain('civil_society');
    expect(r.allMet).toBe(false);
  });
  it('is met with three different groups', () => {
    const r = checkIgfRules({
      members: [member('government'), member('academia'), member('private_sector')],
    });
    expect(r.stakeholders).toMatchObject({ status: 'met', needed: 0 });
  });
  it('is missing with no members at all', () => {
    expect(checkIgfRules({ members: [] }).stakeholders).toMatchObject({
      status: 'missing',
      needed: 3,
    });
  });
});

describe('gender balance', () => {
  it('is missing when one gender is above two thirds of those recorded', () => {
    const r = checkIgfRules({
      members: [member('government', { genders: ['man', 'man', 'man', 'woman'] })],
    });
    expect(r.gender.status).toBe('missing');
    expect(r.gender.largest).toEqual({ gender: 'man', share: 0.75 });
  });
  it('is met at exactly two thirds', () => {
    const r = checkIgfRules({
      members: [member('government', { genders: ['woman', 'woman', 'man'] })],
    });
    expect(r.gender.status).toBe('met');
  });
  it('does not count "prefer not to say" or blank as a gender, and cannot judge when most are unknown', () => {
    const r = checkIgfRules({
      members: [
        member('government', { genders: ['woman', 'man', null, null, 'prefer_not_to_say'] }),
      ],
    });
    expect(r.gender).toMatchObject({ status: 'unknown', recorded: 2, unrecorded: 3 });
  });
  it('cannot judge with a single recorded gender', () => {
    expect(
      checkIgfRules({ members: [member('academia', { genders: ['woman'] })] }).gender.status,
    ).toBe('unknown');
  });
  it('counts a person representing two institutions once', () => {
    const a = member('government', { genders: ['man'] });
    const b = member('academia', { genders: ['woman'] });
    b.representatives.push({ personId: a.representatives[0]!.personId, gender: 'man' });
    const r = checkIgfRules({ members: [a, b] });
    expect(r.gender.counts).toMatchObject({ man: 1, woman: 1 });
    expect(r.gender.status).toBe('met');
  });
});

describe('regional diversity', () => {
  it('is missing when every member is in the same city (accents and case ignored)', () => {
    const r = checkIgfRules({
      members: [
        member('government', { city: 'Ciudad de Guatemala' }),
        member('academia', { city: 'ciudad de guatemala ' }),
      ],
    });
    expect(r.regional.status).toBe('missing');
  });
  it('is met with two cities of one country', () => {
    const r = checkIgfRules({
      members: [member('government'), member('academia', { city: 'Quetzaltenango' })],
    });
    expect(r.regional).toMatchObject({ status: 'met', cities: ['Guatemala', 'Quetzaltenango'] });
  });
  it('is met with two countries even without cities', () => {
    const r = checkIgfRules({
      members: [
        member('government', { city: null }),
        member('academia', { country: 'HN', city: null }),
      ],
    });
    expect(r.regional).toMatchObject({ status: 'met', countries: ['GT', 'HN'] });
  });
  it('is unknown when one country and members lack a city', () => {
    const r = checkIgfRules({
      members: [member('government'), member('academia', { city: null })],
    });
    expect(r.regional).toMatchObject({ status: 'unknown', withoutCity: 1 });
  });
});

it('is all met only when the three rules are', () => {
  const r = checkIgfRules({
    members: [
      member('government', { genders: ['woman'] }),
      member('academia', { genders: ['man'], city: 'Antigua Guatemala' }),
      member('civil_society', { genders: ['non_binary'] }),
    ],
  });
  expect(r.allMet).toBe(true);
});
