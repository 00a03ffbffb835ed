/**
 * One measured read or import of a register, in its own process so that its peak memory
 * (maxRSS) is its own. Usage: tsx bench/import-child.ts bare|dry-run|commit FILE.xlsx DB
 * Prints one JSON line: {"mode", "rows", "ms", "cpuMs", "maxRssMb"}: wall time, CPU time (user +
 * system; steadier than wall time on a busy machine) and peak resident memory.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { runCli } from '@contract-steward/core';

const [mode = 'bare', file = 'register.xlsx', db = 'bench.db'] = process.argv.slice(2);

/** exceljs's streaming reader with the importer's options, touching every row's values. */
async function bareRead(): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  let rows = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if ((row.values as unknown[]).length > 0) rows += 1;
    }
  }
  return rows;
}

async function stewardImport(dryRun: boolean): Promise<number> {
  let out = '';
  let err = '';
  const code = await runCli(['import', file, '--db', db, '--json', ...(dryRun ? ['--dry-run'] : [])], {
    env: {},
    cwd: process.cwd(),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
  });
  if (code !== 0) throw new Error(`steward import failed (${code}): ${err}`);
  const result = JSON.parse(out) as { rows: number; created: number; unchanged: number };
  return result.rows;
}

const started = performance.now();
const rows = mode === 'bare' ? await bareRead() : await stewardImport(mode === 'dry-run');
const ms = performance.now() - started;
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({ mode, rows, ms: Math.round(ms), cpuMs: Math.round(cpuMs), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
