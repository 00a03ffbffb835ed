/**
 * One measured export, in its own process so that its peak memory (maxRSS) is its own.
 * Plain JavaScript over the built library, run by plain node: a TypeScript loader would add
 * its own memory to what we measure. Usage: node bench/savings-export-child.mjs formulas|values|data ROWS OUT.xlsx
 * Prints one JSON line: {"mode", "rows", "ms", "maxRssMb", "bytes"}.
 */
/* global process, console */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// Only the modules the export needs, not the whole library (Word, databases...), so the peak
// memory is the writer's and not the cost of loading everything.
import { writeSavingsWorkbook } from '../packages/core/dist/excel/savings-workbook.js';
import { SAVING_KINDS, SavingSchema } from '../packages/core/dist/savings/saving.schema.js';

const [mode = 'formulas', rowsText = '100000', out = 'savings-bench.xlsx'] = process.argv.slice(2);
const rows = Number(rowsText);
const areas = ['Customer Services', 'Housing', 'Revenues and Benefits', 'Waste', 'Planning', 'ICT', 'Finance', 'Leisure'];

/** @param {number} n */
function makeSavings(n) {
  const savings = [];
  for (let i = 0; i < n; i++) {
    const month = (i % 36) + 1;
    // Built as the schema's output directly: parsing 100,000 inputs would leave garbage that
    // counts in the peak memory we are measuring for the writer.
    savings.push({
        id: `S-${i}`,
        contract: `CON-${String(i % 5000).padStart(5, '0')}`,
        description: i % 1000 === 0 ? '=HYPERLINK("http://x","click")' : `Saving ${i}: renewal renegotiated after benchmarking`,
        serviceArea: areas[i % areas.length] ?? 'ICT',
        kind: SAVING_KINDS[i % SAVING_KINDS.length] ?? 'renegotiation',
        baselineAnnual: 100000 + (i % 997) * 13.37,
        newAnnual: 60000 + (i % 883) * 17.11,
        start: `${2023 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        termMonths: 12 + (i % 4) * 12,
        oneOffCosts: i % 3 === 0 ? 2500 : 0,
        cashable: i % 2 === 0,
        state: i % 3 === 0 ? 'signed-off' : 'validated',
    });
  }
  return savings;
}

const savings = makeSavings(rows);
// One parsed, to check the generated shape is a valid saving.
if (savings[0]) SavingSchema.parse(savings[0]);
const dataMb = Math.round(process.memoryUsage().rss / 1_048_576);
if (mode === 'data') {
  console.log(JSON.stringify({ mode, rows, dataMb, heapMb: Math.round(process.memoryUsage().heapUsed / 1_048_576) }));
  process.exit(0);
}
const started = performance.now();
await writeSavingsWorkbook(savings, out, { exportedAt: new Date(), valuesOnly: mode === 'values' });
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, rows, ms: Math.round(ms), maxRssMb: Math.round(maxRssMb), dataMb, bytes: statSync(out).size }));
