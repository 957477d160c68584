import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run (NEO4J_URI, else testcontainers, else the embedded launcher).
    globalSetup: ['tests/global-setup.ts'],
    // The suites share that database and start JVMs of their own: on a 2-core machine, one file at a time.
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
