/**
 * Server entry: one Node process serves the API and the built browser app. Settings come from the environment
 * (PORT, DATABASE_URL, KOTA_DATA_DIR, KOTA_PUBLIC_URL…: see `hostSettings` in @kota-kit/core/server); the data
 * lives in the repository's `.data` folder unless they say otherwise.
 */
import { fileURLToPath } from 'node:url';
import { runHost } from '@kota-kit/core/server';
import host from '../kota.config.js';

await runHost({
  host,
  // Resolve `<package>/server` from this host's own dependencies.
  importModule: (specifier) => import(specifier),
  serverDir: fileURLToPath(new URL('.', import.meta.url)),
});
