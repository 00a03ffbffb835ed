/**
 * Writes the JSON schema of the tender pack options file, so editors can check an options
 * file as it is typed. Run after changing pack-options.schema.ts:
 *   npx tsx scripts/write-tender-pack-schema.ts
 * (packages/core/src/tenders/pack-options.schema.test.ts fails while the file is stale.)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tenderPackOptionsJsonSchema } from '../packages/core/src/tenders/pack-options.schema.js';

const target = fileURLToPath(new URL('../packages/core/schemas/tender-pack-options.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(tenderPackOptionsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
