/**
 * The administrators' pages: initiatives, the audit log and the outbox, plus the links other
 * modules add to the administrators' home.
 *
 * @example
 * import { adminModule } from './features/admin';
 */
import type { FeatureModule } from '../../core/module';
import { adminHomeRoutes } from './routes/admin-home';
import { auditLogRoutes } from './routes/audit-log';
import { adminInitiativeRoutes } from './routes/initiatives';
import { outboxRoutes } from './routes/outbox';

export const adminModule: FeatureModule = {
  name: 'admin',
  routes: [adminHomeRoutes, auditLogRoutes, outboxRoutes, adminInitiativeRoutes],
};
