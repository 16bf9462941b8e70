import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every core and feature folder keeps its tables in its own schema.ts.
  schema: ['./src/core/**/schema.ts', './src/features/**/schema.ts', './src/http/**/schema.ts'],
  out: './drizzle',
});
