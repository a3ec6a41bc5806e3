import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The JSON report lets CI print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/vitest-report.json' },
    hookTimeout: 60_000,
    // Real Redis / PostgreSQL servers are started once for the whole run.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
