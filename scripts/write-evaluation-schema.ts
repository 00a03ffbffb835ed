/**
 * Writes the JSON schema of the TDA evaluation file, so editors can check an evaluation as it
 * is typed. Run after changing evaluation.schema.ts:
 *   npx tsx scripts/write-evaluation-schema.ts
 * (packages/core/src/evaluation/evaluation.schema.test.ts fails while the file is stale.)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluationJsonSchemaText } from '../packages/core/src/evaluation/evaluation.schema.js';

const target = fileURLToPath(new URL('../packages/core/schemas/evaluation.schema.json', import.meta.url));
writeFileSync(target, evaluationJsonSchemaText());
console.log(`wrote ${target}`);
