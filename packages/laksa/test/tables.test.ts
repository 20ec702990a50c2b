import { fileURLToPath } from 'node:url';
import { checkGeneratedTables, startTestHost, testDatabaseTargets, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import laksaServer from '../src/server/index.js';
import { testHost } from './fixture.js';

describe.each(testDatabaseTargets())('laksa tables on %s', (database) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [laksaServer], database, demo: false });
  });
  afterAll(async () => host?.close());

  it('declares exactly the columns of the migrated database (tables.generated.ts is current)', async () => {
    const file = fileURLToPath(new URL('../src/server/tables.generated.ts', import.meta.url));
    const { expected, actual } = await checkGeneratedTables(host.server, 'laksa', file, 'GeneratedLaksaTables');
    expect(actual).toBe(expected);
  });
});
