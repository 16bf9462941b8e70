import { z } from '@hono/zod-openapi';
import { memberRoles } from '../initiatives/schema';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

export const MeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.email(),
    locale: z.enum(['es', 'en']),
    isAdmin: z.boolean(),
    memberships: z.array(
      z.object({
        initiative: z.string().openapi({ example: 'igf-guatemala' }),
        role: z.enum(memberRoles),
        expiresAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .openapi('Me');

/**
 * A path parameter that must be a UUID (a 400 before any query otherwise).
 *
 * @example
 * const Params = z.object({ event: uuidParam('event') });
 */
export const uuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
