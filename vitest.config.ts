import { defineConfig } from 'vitest/config';

// Two projects: fast unit specs next to the code they check, and tests of the whole that start
// real processes (nodes, gateway, nats-server, chromium) and so run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{proto,services,gateway,web,deploy}/src/**/*.spec.{ts,tsx}'],
          testTimeout: 30_000,
          // Pothos is published as CommonJS and ESM; load it through Vite like our code, so that
          // it and we share one copy of graphql (graphql-js refuses objects from another copy).
          server: { deps: { inline: [/@pothos\//] } },
        },
      },
      {
        test: {
          name: 'whole',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
