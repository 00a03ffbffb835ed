export * from './deadline-index-rows.js';
export * from './deadline-rules-key.js';
