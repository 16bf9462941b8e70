/**
 * The home page: the initiatives and their editions.
 *
 * @example
 * import { homeModule } from './features/home';
 */
import type { FeatureModule } from '../../core/module';
import { homeRoutes } from './routes';

export const homeModule: FeatureModule = { name: 'home', routes: [homeRoutes] };
