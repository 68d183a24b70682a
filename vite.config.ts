import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sim-core/test/**/*.test.ts', 'scenarios/test/**/*.test.ts', 'server/test/**/*.test.ts', 'tools/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'viewer/test/**/*.test.{ts,tsx}', 'examples/**/*.test.ts'],
    pool: 'forks',
    // The JSON report lets .ci/run print a one-line "N passed, N failed" summary.
    reporters: ['default', ['json', { outputFile: 'out/test-results.json' }]],
    testTimeout: 120_000,
  },
});
