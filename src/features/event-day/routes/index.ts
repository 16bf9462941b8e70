import { Hono } from 'hono';
import type { AppEnv } from '../../../http/types';
import { badgeRoutes } from './badges';
import { myVolunteeringRoutes } from './my-volunteering';
import { roomCountRoutes } from './room-counts';
import { volunteerRoutes } from './volunteers';

/** Every page of the event day: roster, the volunteer's own page, room counts, attendance, badges. */
export const eventDayRoutes = new Hono<AppEnv>()
  .route('/', volunteerRoutes)
  .route('/', myVolunteeringRoutes)
  .route('/', roomCountRoutes)
  .route('/', badgeRoutes);
