import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `vite build` builds the 3D viewer (viewer/index.html) into viewer/dist with relative URLs, so
  // the output works from any static host and from the live server. Tests keep the repository root.
  root: 'viewer',
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  worker: { format: 'es' },
  test: {
    root: '.',
    include: ['sim-core/test/**/*.test.ts', 'scenarios/test/**/*.test.ts', 'server/test/**/*.test.ts', 'tools/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'viewer/test/**/*.test.{ts,tsx}', 'examples/**/*.test.ts'],
    pool: 'forks',
    // The JSON report lets .ci/run print a one-line "N passed, N failed" summary.
    reporters: ['default', ['json', { outputFile: 'out/test-results.json' }]],
    testTimeout: 120_000,
  },
});
