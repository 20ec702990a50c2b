// The declared table types must equal the migrated database; KK_UPDATE_TABLES=1 rewrites the generated file.
import { fileURLToPath } from 'node:url';
import { checkGeneratedTables, startTestHost } from '@kota-kit/core/testing';
import { expect, it } from 'vitest';
import beritaServer from '../src/server/index.js';
import { host } from './host.js';

it('has table types that match the migrated database', async () => {
  const server = await startTestHost({ host, serverModules: [beritaServer], database: 'pglite', demo: false });
  try {
    const file = fileURLToPath(new URL('../src/server/tables.generated.ts', import.meta.url));
    const { expected, actual } = await checkGeneratedTables(server.server, 'berita', file, 'GeneratedBeritaTables');
    expect(actual).toBe(expected);
  } finally {
    await server.close();
  }
});
