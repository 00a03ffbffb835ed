import { importBenchmark } from './import.js';
import { savingsExport } from './savings-export.js';
import { renewals } from './renewals.js';
import { botTurn } from './bot-turn.js';
import { importBotTurns } from './import-bot-turns.js';

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<void>;
}

/** Every benchmark `npm run bench` runs, in order. */
export const BENCHMARKS: readonly Benchmark[] = [savingsExport, importBenchmark, importBotTurns, renewals, botTurn];
