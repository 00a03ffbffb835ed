export * from './clause-library.js';
export * from './pack-options.schema.js';
export * from './build-pack.js';
export { renderPackMarkdown, describeInclusion } from './render-pack-markdown.js';
export * from './missing-clauses.js';
export { packRecord } from './pack-record.js';
