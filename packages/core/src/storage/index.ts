export * from './store.js';
export type * from './renewals-repository.js';
export type { SavingsRepository, SavingQuery } from './savings-repository.js';
export type { EvaluationRepository, EvaluationSummary, SavedEvaluation } from './evaluations-repository.js';
export type { PerformanceRepository, KpiResultQuery } from './performance-repository.js';
export { StorageError } from './storage-error.js';
export { openStore, storeOptionsFrom, describePostgres, DEFAULT_SQLITE_PATH, type StoreOptions } from './open-store.js';
export type { SqlExecutor, SqlDialect } from './sql/sql-executor.js';
export type { ProcurementActRepository } from './procurement-act-repository.js';
