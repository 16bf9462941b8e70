import type { Permission } from '../../core/access/policy';

/**
 * Who reviews an edition's topics (administrators may always). The committee that shortlists,
 * merges, rejects, votes and selects tracks is the initiative's coordinators and organisers —
 * the people who already build the programme the tracks feed (decision 0016). Anyone, without
 * an account, may propose a topic while the call is open.
 */
export const topicPermissions = {
  /** See every proposal, set the call's dates, shortlist, merge, reject, vote, select tracks. */
  reviewTopics: ['coordinator', 'organiser'],
} as const satisfies Record<string, Permission>;
