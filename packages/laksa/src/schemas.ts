/**
 * Shared schemas and types of LAKSA's HTTP API: the server validates with them, the browser pages type
 * their requests and responses with them. Isomorphic (no Node imports).
 */
export * from './schemas/vocabulary.js';
export * from './schemas/citizen.js';
export * from './schemas/public.js';
export * from './schemas/officers.js';
