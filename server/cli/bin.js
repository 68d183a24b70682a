#!/usr/bin/env node
// Entry of `npx crossing-twin`. Runs the CLI from an esbuild bundle of server/cli/main.ts kept in
// node_modules/.cache (bundle-cache.js: rebuilt first whenever a source changed, so there is no build
// step after `npm ci` and never a stale bundle): starting tsx and having it transform some 200
// modules took over a second before any command ran. Where the bundle cannot be built, or with
// CROSSING_TWIN_CLI_LOADER=tsx, the sources run through tsx as before.
import { pathToFileURL } from 'node:url';
import { cachedBundle } from './bundle-cache.js';

/** Commands are chunks imported on demand (main.ts), so `--version` loads almost nothing; zod's ~90 modules load faster bundled. */
const CLI = { name: 'crossing-twin-cli', entry: new URL('./main.ts', import.meta.url), splitting: true, externalPackages: true, inline: ['zod'] };

let bundle = null;
if (process.env.CROSSING_TWIN_CLI_LOADER !== 'tsx') {
  try {
    bundle = await cachedBundle(CLI);
  } catch {
    // No esbuild, a read-only project or a syntax error: tsx runs the sources (and names the error).
  }
}
if (bundle !== null) {
  // Stack traces of a failed run name the TypeScript sources.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
