/**
 * @kota-kit/core — isomorphic part: the module contract and host composition.
 * Safe to import from the browser and from Node.
 */
export { z } from 'zod';
export * from './contract.js';
export * from './region.js';
export * from './problem.js';
export * from './types.js';
export * from './calendar.js';
