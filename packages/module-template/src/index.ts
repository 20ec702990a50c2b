/**
 * @kota-kit/module-template — the module's table of contents: its id (which fixes the URL segment
 * /module-template, the API /api/module-template, the table prefix module_template_ and the translation
 * namespace), its options and its roles. Safe in the browser and on the server.
 */
import { defineModule, z } from '@kota-kit/core';

export const moduleTemplate = defineModule({
  id: 'module-template',
  package: '@kota-kit/module-template',
  hasStyles: true,
  options: z.object({
    /** Longest notice a region accepts. */
    maxLength: z.number().int().min(20).max(5000).default(500),
    /** How many notices the public list shows per page. */
    pageSize: z.number().int().min(5).max(100).default(20),
  }),
  roles: [{ id: 'editor', description: 'Writes and withdraws the notices of an agency', agencyScoped: true }],
});

export type ModuleTemplateOptions = z.output<typeof moduleTemplate.options>;
export * from './schemas/notices.js';
