/** Core's UI components, by family; modules import them from @kota-kit/core/client. */
export * from './components/fields.js';
export * from './components/table.js';
export * from './components/dialog.js';
export * from './components/states.js';
export * from './components/layout.js';
