import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sim-core/test/**/*.test.ts', 'scenarios/test/**/*.test.ts', 'server/test/**/*.test.ts', 'tools/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
  },
});
