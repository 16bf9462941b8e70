import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('has defaults that run the demo on this machine', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      demo: true,
      databaseUrl: undefined,
    });
    expect(env.publicUrl).toBe('http://localhost:3000');
  });

  it('reads every documented variable', () => {
    const env = parseEnv({
      PORT: '8080',
      PUBLIC_URL: 'https://forum.example.org/',
      DATABASE_URL: 'postgres://u:p@db:5432/convoca',
      CONVOCA_DEMO: '0',
      SMTP_URL: 'smtp://mail.example.org:25',
      TRUST_PROXY: '1',
      CONVOCA_ADMIN_EMAIL: 'Ana@Example.org',
    });
    expect(env.port).toBe(8080);
    expect(env.publicUrl).toBe('https://forum.example.org');
    expect(env.databaseUrl).toBe('postgres://u:p@db:5432/convoca');
    expect(env.demo).toBe(false);
    expect(env.smtpUrl).toBe('smtp://mail.example.org:25');
    expect(env.trustProxy).toBe(true);
    expect(env.adminEmail).toBe('ana@example.org');
  });

  it('treats empty optional URLs as unset, as in .env.example', () => {
    expect(parseEnv({ DATABASE_URL: '', SMTP_URL: '' })).toMatchObject({
      databaseUrl: undefined,
      smtpUrl: undefined,
    });
  });

  it('names every bad variable', () => {
    expect(() => parseEnv({ PORT: 'abc', CONVOCA_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*CONVOCA_SECRET/,
    );
  });

  it('documents every variable in .env.example', async () => {
    const { readFileSync } = await import('node:fs');
    const { envSchema } = await import('./env');
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(envSchema.shape))
      expect(example, key).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});
