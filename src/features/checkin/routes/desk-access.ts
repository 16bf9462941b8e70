/**
 * The access rule of every desk and boarding route: coordinators, organisers and volunteers
 * (administrators always), through the event-day rule (decision 0014) — a volunteer only on the
 * event whose roster gives them access, and only until that access ends after the event.
 *
 * @example
 * app.get(`${EVENT}/desk`, deskAccess(), handler);
 */
import { eventDayAccess } from '../../event-day/index';
import { checkinPermissions } from '../permissions';

export const deskAccess = () => eventDayAccess(checkinPermissions.workDesk);

export const EVENT = '/i/:slug/editions/:edition/events/:event';
