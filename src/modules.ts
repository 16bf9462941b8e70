/**
 * The feature modules, in order: routes are mounted, API operations registered, links and
 * sections shown and personal data collected in this order (and erased in the reverse order).
 * Adding a feature is one line here (see docs/architecture.md, "Adding a feature").
 *
 * @example
 * for (const m of modules) for (const r of m.routes ?? []) app.route('/', r);
 */
import type { FeatureModule } from './core/module';
import { adminModule } from './features/admin';
import { checkinModule } from './features/checkin';
import { committeeModule } from './features/committee';
import { eventDayModule } from './features/event-day';
import { homeModule } from './features/home';
import { moneyModule } from './features/money';
import { networkModule } from './features/network';
import { outcomesModule } from './features/outcomes';
import { programmeModule } from './features/programme';
import { registrationModule } from './features/registration';
import { topicsModule } from './features/topics';
import { registerMessages } from './i18n/index';

export const modules: readonly FeatureModule[] = [
  homeModule,
  adminModule,
  networkModule,
  programmeModule,
  registrationModule,
  topicsModule,
  outcomesModule,
  moneyModule,
  committeeModule,
  eventDayModule,
  checkinModule,
];

registerMessages(modules.flatMap((m) => (m.messages ? [m.messages] : [])));
