/**
 * @kota-kit/module-template/server — the server half (Node only): migrations, the API, demo data, events.
 */
import { defineServerModule } from '@kota-kit/core/server';
import { moduleTemplate } from '../index.js';
import { moduleTemplateApi } from './api.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed.js';
import type { ModuleTemplateTables } from './tables.js';

export type { ModuleTemplateApi } from './api.js';
export type { ModuleTemplateTables } from './tables.js';

export default defineServerModule<typeof moduleTemplate, ModuleTemplateTables>(moduleTemplate, {
  migrations,
  api: moduleTemplateApi,
  seed,
  events: ['notice.published'],
  publicOptions: (options) => ({ maxLength: options.maxLength }),
});
