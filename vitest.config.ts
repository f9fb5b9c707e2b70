import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests, integration tests against real PostgreSQL (PGlite and,
// when TEST_DATABASE_URL is set, a server), and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts', 'drills/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          // Groups run one after another, so the database tier gets the machine to itself.
          sequence: { groupOrder: 1 },
          include: ['server/**/*.int.test.ts', 'bench/**/*.int.test.ts', 'drills/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory hungry; two workers fit a 2-core CI machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
