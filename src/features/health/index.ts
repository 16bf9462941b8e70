/**
 * `GET /healthz`: the database's state, for monitors. Mounted before sessions and CSRF.
 *
 * @example
 * import { healthRoutes } from './features/health';
 */
export { healthRoutes } from './routes';
