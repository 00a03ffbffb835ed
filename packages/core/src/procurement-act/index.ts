export * from './thresholds.js';
export * from './regime.js';
export * from './obligations.js';
export * from './modifications.js';
export * from './modification-record.js';
export * from './plan-publication.js';
export * from './register-obligations.js';
export * from './contract-law-summary.js';
