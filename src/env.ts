/**
 * The environment, parsed once at start-up. This is the only module that reads `process.env`;
 * everything else receives an `Env` value.
 *
 * @example
 * const env = parseEnv({ PORT: '8080' });
 * env.port; // 8080
 */
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  CONVOCA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl.optional(),
  CONVOCA_DEMO: flag.default(true),
  CONVOCA_SECRET: z.string().min(32).optional(),
  CONVOCA_ADMIN_EMAIL: z.string().email().default('admin@convoca.localhost'),
  CONVOCA_ADMIN_PASSWORD: z.string().min(12).optional(),
  SMTP_URL: optionalUrl.optional(),
  MAIL_FROM: z.string().min(3).default('Convoca <no-reply@convoca.localhost>'),
  // `0`/`false`: no proxy; `1`/`true`: one reverse proxy; `2`…`10`: that many proxies in a chain.
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((v) => Number({ true: '1', yes: '1', false: '0', no: '0', '': '0' }[v] ?? v))
    .pipe(z.number().int().min(0).max(10))
    .default(0),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  secret: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  /** How many reverse proxies in front of Convoca append to X-Forwarded-For (0: none). */
  trustedProxyHops: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
};

/** Parses an environment-like record; throws a readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = result.data;
  return {
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, ''),
    dataDir: v.CONVOCA_DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    demo: v.CONVOCA_DEMO,
    secret: v.CONVOCA_SECRET,
    adminEmail: v.CONVOCA_ADMIN_EMAIL.toLowerCase(),
    adminPassword: v.CONVOCA_ADMIN_PASSWORD,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    trustProxy: v.TRUST_PROXY > 0,
    trustedProxyHops: v.TRUST_PROXY,
    logLevel: v.LOG_LEVEL,
  };
}

/** The process environment, parsed. Call once at start-up. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
