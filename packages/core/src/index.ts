export * from './shared/problem.js';
export * from './shared/iso-date.js';
export * from './register/contract.schema.js';
export { normaliseCompanyNumber } from './register/normalise-company-number.js';
export * from './storage/index.js';
export { runCli } from './cli/main.js';
export type { CliIo } from './cli/command.js';
export { VERSION } from './version.js';
export * from './excel/spreadsheet-safety.js';
