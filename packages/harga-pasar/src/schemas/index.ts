export * from './common.js';
export * from './entry.js';
export * from './export.js';
export * from './reference-prices.js';
