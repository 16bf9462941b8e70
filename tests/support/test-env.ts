/** Settings of the test tooling itself (not of Convoca): which database the suite runs on. */
import { z } from 'zod';

export const testEnv = z
  .object({
    CONVOCA_TEST_DRIVER: z.enum(['pglite', 'postgres']).default('pglite'),
    TEST_DATABASE_URL: z.string().url().optional(),
  })
  .parse(process.env);
