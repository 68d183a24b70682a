/**
 * Writes scenarios/schema/scenario.schema.json from the zod schema (`npm run schema`).
 * A test fails when the committed file differs from a fresh generation.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSON_SCHEMA_FILE, jsonSchemaText } from '../json-schema.ts';

const file = resolve(import.meta.dirname, '..', '..', JSON_SCHEMA_FILE);
writeFileSync(file, jsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
