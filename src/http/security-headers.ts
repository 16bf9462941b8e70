import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { isHttps } from './client-ip';
import type { AppEnv } from './types';

/**
 * Content-Security-Policy with a per-response nonce (no unsafe-inline, no unsafe-eval) and the
 * other usual headers. HSTS only when the request came over HTTPS. `Cache-Control: no-store` on
 * every response whose route did not declare it cacheable.
 */
export const securityHeaders = (): MiddlewareHandler<AppEnv> => {
  const base = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: {
      camera: ['self'],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
  return async (c, next) => {
    await base(c, next);
    if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Nothing is cached unless its route says it is public (published exports) or it is a
    // static file (serveStatic drops a header set in its onFound, so it is given here).
    if (!c.res.headers.has('Cache-Control'))
      c.header(
        'Cache-Control',
        c.req.path.startsWith('/static/') && c.res.ok ? 'public, max-age=3600' : 'no-store',
      );
  };
};
