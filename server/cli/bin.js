#!/usr/bin/env node
// Entry of `npx crossing-twin`: registers the TypeScript loader (tsx) so the CLI runs from source
// after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
