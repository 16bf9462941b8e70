import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './types';

/**
 * The caller's address. Without a trusted proxy, the socket's. Behind `TRUST_PROXY=n` proxies,
 * the address the outermost trusted proxy saw: X-Forwarded-For read from the right, skipping the
 * entries the other n - 1 trusted proxies appended. Entries further left were written by the
 * client and are ignored, so a forged header changes nothing.
 *
 * @example
 * // TRUST_PROXY=1, X-Forwarded-For: "1.2.3.4, 203.0.113.9" (the client forged 1.2.3.4)
 * clientIp(c); // '203.0.113.9'
 */
export function clientIp(c: Context<AppEnv>): string {
  const socket = socketAddress(c);
  const hops = c.var.deps.env.trustedProxyHops;
  if (hops > 0) {
    const forwarded = forwardedAddress(c.req.header('x-forwarded-for'), hops);
    if (forwarded) return forwarded;
  }
  return socket;
}

/** The entry `hops` places from the right of X-Forwarded-For (the left-most if fewer). */
export function forwardedAddress(header: string | undefined, hops: number): string | undefined {
  const entries = (header ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const entry = entries[Math.max(0, entries.length - hops)]!;
  const address = entry
    .replace(/^\[(.*)\](:\d+)?$/, '$1')
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return isIP(address) ? address : undefined;
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether the request reached us over HTTPS (directly or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.var.deps.env.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
