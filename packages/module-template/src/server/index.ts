/**
 * @kota-kit/module-template/server — the server half (Node only): migrations, the API, demo data, events.
 */
import { defineServerModule } from '@kota-kit/core/server';
import { moduleTemplate, type ModuleTemplateOptions } from '../index.js';
import { moduleTemplateApi } from './api.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed.js';
import type { ModuleTemplateTables } from './tables.js';

export type { ModuleTemplateApi } from './api.js';
export type { ModuleTemplateTables } from './tables.js';

/** What the browser may see of the options (never secrets): `PublicOptionsOf<typeof publicOptions>` in the client. */
export function publicOptions(options: ModuleTemplateOptions) {
  return { maxLength: options.maxLength };
}

export default defineServerModule<typeof moduleTemplate, ModuleTemplateTables>(moduleTemplate, {
  migrations,
  api: moduleTemplateApi,
  seed,
  events: ['notice.published'],
  publicOptions,
});
