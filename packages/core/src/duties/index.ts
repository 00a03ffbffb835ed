export * from './duty-deadlines.js';
