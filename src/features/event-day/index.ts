/**
 * The event-day feature: the volunteers' roster and shifts, room counts, attendance and badges.
 * The check-in desk uses the access rule exported here.
 *
 * @example
 * import { eventDayModule, eventDayAccess } from './features/event-day';
 */
import type { FeatureModule } from '../../core/module';
import { registerEventDayApi } from './api';
import { eventDayEn, eventDayEs } from './messages';
import { eventDayPersonalData } from './personal-data';
import { eventDayRoutes } from './routes/index';

export { apiEventDayAccess, eventDayAccess } from './access';

export const eventDayModule: FeatureModule = {
  name: 'event-day',
  routes: [eventDayRoutes],
  api: registerEventDayApi,
  scopes: ['event-day:read', 'event-day:write'],
  messages: { es: eventDayEs, en: eventDayEn },
  navigation: { account: () => [{ href: '/my/volunteering', label: 'eventDay.my.title' }] },
  participationKinds: ['volunteer'],
  personalData: eventDayPersonalData,
};
