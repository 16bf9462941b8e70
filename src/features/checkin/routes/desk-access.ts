/**
 * The access rule of every desk and boarding route: coordinators, organisers and volunteers of the
 * event's initiative (administrators always); a volunteer's access ends when their membership
 * expires.
 *
 * @example
 * app.get(`${EVENT}/desk`, deskAccess(), handler);
 */
import { access } from '../../../http/access';
import { checkinPermissions } from '../permissions';

export const deskAccess = () => access.initiative(checkinPermissions.workDesk);

export const EVENT = '/i/:slug/editions/:edition/events/:event';
