import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Three projects:
 * - unit: no database, no Java (`npm run test:unit`, seconds);
 * - integration: everything else against one real Neo4j (NEO4J_URI, else testcontainers, else the embedded
 *   launcher), which the global setup provides;
 * - api+second-document: the API suite again with a second, synthetic document imported beside the paper, so the
 *   API tests prove they hold for more than this corpus.
 */
const integrationProject = {
  // The suites share that database and start JVMs of their own: on a 2-core machine, one file at a time.
  globalSetup: ['tests/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  resolve: {
    // One graphql-js for the tests' modules and the libraries (Apollo Server requires its CommonJS build): Vite would
    // pick the ESM build for `graphql` by its "module" field, and the two builds' instanceof checks refuse each other.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          ...integrationProject,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...integrationProject,
          name: 'api+second-document',
          include: ['tests/integration/api/**/*.test.ts'],
          provide: { secondDocument: true },
        },
      },
    ],
  },
});
