import { fileURLToPath } from 'node:url';
import { checkGeneratedTables, startTestHost, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { testClock, testHost } from './fixture.js';

// The declared table types (src/server/tables.ts) are compared with these generated ones by the compiler;
// this test keeps the generated file equal to the migrated database (KK_UPDATE_TABLES=1 rewrites it).
describe('harga-pasar tables', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [hargaPasarServer], database: 'pglite', clock: testClock() });
  });
  afterAll(async () => host?.close());

  it('has generated table types equal to the migrated database', async () => {
    const file = fileURLToPath(new URL('../src/server/tables.generated.ts', import.meta.url));
    const { expected, actual } = await checkGeneratedTables(host.server, 'harga-pasar', file, 'GeneratedHargaPasarTables');
    expect(actual).toBe(expected);
  });
});
