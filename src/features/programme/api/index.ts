/**
 * `/api/v1` endpoints for organisers building a programme: editions, events, rooms and the draft
 * sessions of an initiative, their warnings and published versions, and publishing. Every path
 * sits under `/api/v1/initiatives/{slug}/editions/{edition}` and needs a role that may edit the
 * programme there; anything of another initiative is "not found". Visitors read the published
 * programme without a token at `/e/{edition}/schedule.json`.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/types';
import { registerProgrammeReads } from './reads';
import { registerProgrammeWrites } from './writes';

export function registerProgrammeApi(api: OpenAPIHono<AppEnv>) {
  registerProgrammeReads(api);
  registerProgrammeWrites(api);
}
