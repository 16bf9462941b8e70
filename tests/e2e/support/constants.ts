/** Where the journeys' server listens and who its first administrator is. */
export const E2E = {
  port: 3100,
  controlPort: 3101,
  baseUrl: 'http://127.0.0.1:3100',
  admin: { email: 'admin@convoca.localhost', password: 'e2e-admin-password-123' },
} as const;
