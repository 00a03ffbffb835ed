export * from './ocds-types.js';
export * from './build-ocds-package.js';
export * from './build-implementation-release.js';
export * from './transparency-quarter.js';
export * from './ocds-contract-inputs.js';
export * from './draft-notice.js';
