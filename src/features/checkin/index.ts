/**
 * The check-in feature: the desk that keeps working offline, walk-ins, and bus boarding lists.
 *
 * @example
 * import { checkinModule } from './features/checkin';
 */
import type { FeatureModule } from '../../core/module';
import { checkinPersonalData } from './personal-data';
import { registerCheckinApi } from './api';
import { checkinEn, checkinEs } from './messages';
import { boardingRoutes } from './routes/boarding';
import { deskRoutes } from './routes/desk';
import { deskDataRoutes } from './routes/desk-data';

export const checkinModule: FeatureModule = {
  name: 'checkin',
  routes: [deskRoutes, deskDataRoutes, boardingRoutes],
  api: registerCheckinApi,
  scopes: ['checkin:read', 'checkin:write'],
  messages: { es: checkinEs, en: checkinEn },
  personalData: checkinPersonalData,
};
