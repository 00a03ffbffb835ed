import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeCouncilRegisterXlsx } from '../tests/support/generate-register.js';
import type { Benchmark } from './index.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const PAIRS = Number(process.env.BENCH_IMPORT_PAIRS ?? 5);
/** Set to run every child with a V8 heap cap, to see what the import needs rather than what V8 takes while memory is free. */
const HEAP_MB = process.env.BENCH_IMPORT_HEAP_MB;
const TIME_GOAL = 1.5;
const MEMORY_LIMIT_MB = 300;

type Mode = 'bare' | 'dry-run' | 'commit';
interface Measurement {
  readonly mode: Mode;
  readonly rows: number;
  readonly ms: number;
  /** CPU time of the whole child, module loading included. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

async function measure(mode: Mode, file: string, db: string): Promise<Measurement> {
  const heap = HEAP_MB === undefined ? [] : [`--max-old-space-size=${HEAP_MB}`];
  const { stdout } = await run(process.execPath, [...heap, '--import', 'tsx', CHILD, mode, file, db], { maxBuffer: 1 << 24, timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measurement;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * A generated 100,000-row council register (.xlsx, title row, real and typed dates), read
 * three ways in fresh processes: a bare exceljs streaming read (the baseline), `steward import
 * --dry-run`, and a full import committed to a new SQLite file. Runs alternate within each
 * round (the order flips every round) because the machine is shared and noisy; each ratio
 * compares runs of the same round.
 */
export const importBenchmark: Benchmark = {
  name: 'import',
  description: `${ROWS.toLocaleString('en-GB')}-row register: steward import (dry run, commit) vs a bare exceljs streaming read; goal ≤ ${TIME_GOAL}× and peak memory under ${MEMORY_LIMIT_MB} MB`,
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'bench-import-'));
    try {
      const file = join(folder, 'register.xlsx');
      const generated = Date.now();
      await writeCouncilRegisterXlsx(file, ROWS);
      console.log(`generated ${file}: ${(statSync(file).size / 1_048_576).toFixed(1)} MB in ${((Date.now() - generated) / 1000).toFixed(0)} s`);
      const rounds: Record<Mode, Measurement>[] = [];
      for (let round = 0; round < PAIRS; round += 1) {
        const order: Mode[] = round % 2 === 0 ? ['bare', 'dry-run', 'commit'] : ['commit', 'dry-run', 'bare'];
        const results = {} as Record<Mode, Measurement>;
        // Each import starts from an empty register of its own: a dry run is not measured against
        // the contracts the commit just wrote.
        for (const mode of order) results[mode] = await measure(mode, file, join(folder, `round-${round}-${mode}.db`));
        rounds.push(results);
        const { bare, 'dry-run': dry, commit } = results;
        console.log(
          `round ${round + 1}: bare ${(bare.ms / 1000).toFixed(1)} s (CPU ${(bare.cpuMs / 1000).toFixed(1)} s, ${bare.maxRssMb} MB)  dry run ${(dry.ms / 1000).toFixed(1)} s (CPU ${(dry.cpuMs / 1000).toFixed(1)} s, ${dry.maxRssMb} MB)  commit ${(commit.ms / 1000).toFixed(1)} s (CPU ${(commit.cpuMs / 1000).toFixed(1)} s, ${commit.maxRssMb} MB)  wall ratios ${(dry.ms / bare.ms).toFixed(2)}× / ${(commit.ms / bare.ms).toFixed(2)}×`,
        );
        for (const m of [dry, commit]) if (m.rows !== ROWS) throw new Error(`${m.mode} read ${m.rows} rows, expected ${ROWS}`);
      }
      const dryRatio = median(rounds.map((r) => r['dry-run'].ms / r.bare.ms));
      const commitRatio = median(rounds.map((r) => r.commit.ms / r.bare.ms));
      const peak = (mode: Mode) => Math.max(...rounds.map((r) => r[mode].maxRssMb));
      console.log(`median of ${PAIRS} rounds, wall time: dry run ${dryRatio.toFixed(2)}× the bare read, full import ${commitRatio.toFixed(2)}× (goal ≤ ${TIME_GOAL}×)`);
      const cpuRatio = (mode: Mode) => median(rounds.map((r) => r[mode].cpuMs / r.bare.cpuMs));
      console.log(`median of ${PAIRS} rounds, CPU time: dry run ${cpuRatio('dry-run').toFixed(2)}×, full import ${cpuRatio('commit').toFixed(2)}×`);
      console.log(`median times: bare ${(median(rounds.map((r) => r.bare.ms)) / 1000).toFixed(1)} s, dry run ${(median(rounds.map((r) => r['dry-run'].ms)) / 1000).toFixed(1)} s, commit ${(median(rounds.map((r) => r.commit.ms)) / 1000).toFixed(1)} s`);
      if (HEAP_MB !== undefined) console.log(`every run with --max-old-space-size=${HEAP_MB}`);
      console.log(`peak RSS: bare ${peak('bare')} MB, dry run ${peak('dry-run')} MB, commit ${peak('commit')} MB (limit ${MEMORY_LIMIT_MB} MB)`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
