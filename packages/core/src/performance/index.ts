export * from './kpi.schema.js';
export * from './rate-result.js';
export * from './compliance.js';
export * from './utilisation.js';
export * from './performance-deadline.js';
export * from './reporting-periods.js';
export * from './review-schedule.js';
export * from './summarise-performance.js';
