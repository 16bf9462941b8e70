/**
 * What every committee page needs: the access rules, the base path, whether the reader may edit,
 * and loading a meeting or task named in the URL (inside the
 * initiative that `access.initiative()` authorised; another initiative's is "not found").
 *
 * @example
 * const meeting = await routeMeeting(c);
 */
import type { Context } from 'hono';
import { access } from '../../../http/access';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { allows } from '../../../core/access/policy';
import { loadActionItem } from '../actions/queries';
import { loadMeeting } from '../meetings/queries';
import { committeePermissions } from '../permissions';

export const viewers = () => access.initiative(committeePermissions.viewCommittee);
export const editors = () => access.initiative(committeePermissions.editMeetings);
export const managers = () => access.initiative(committeePermissions.manageCommittee);

export const committeeBase = (c: Context<AppEnv>) => `/i/${c.var.initiative.slug}/committee`;

export function can(c: Context<AppEnv>, permission: keyof typeof committeePermissions) {
  return allows(committeePermissions[permission], c.var.user, c.var.roles);
}

export async function routeMeeting(c: Context<AppEnv>) {
  const meeting = await loadMeeting(c.var.deps.db, {
    initiativeId: c.var.initiative.id,
    meetingId: c.req.param('meeting') ?? '',
  });
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

export async function routeTask(c: Context<AppEnv>) {
  const item = await loadActionItem(c.var.deps.db, {
    initiativeId: c.var.initiative.id,
    id: c.req.param('task') ?? '',
  });
  if (!item) throw new AppError('not_found');
  return item;
}
