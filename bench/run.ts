/**
 * `npm run bench`: runs each benchmark in turn. Every benchmark measures its subject against a
 * baseline in the same run and reports the ratio, because absolute times on a shared machine
 * mean little. Pass names to run only some: `npm run bench -- import`.
 */
import { BENCHMARKS } from './index.js';

const wanted = process.argv.slice(2);
const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name));
if (selected.length === 0) {
  console.error(`No benchmark named ${wanted.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const benchmark of selected) {
  console.log(`\n== ${benchmark.name}: ${benchmark.description}`);
  await benchmark.run();
}
