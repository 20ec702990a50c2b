// Core's declared tables (src/server/core-tables.ts) against a database migrated by core, like every module's.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeneratedTables, startTestHost, testDatabaseTargets, testRegion, type TestHost } from '../src/testing.js';

describe.each(testDatabaseTargets())('core tables on %s', (database) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: { region: testRegion, modules: [] }, serverModules: [], database });
  });
  afterAll(async () => host?.close());

  it('has table types that match the migrated database', async () => {
    const file = fileURLToPath(new URL('../src/server/core-tables.generated.ts', import.meta.url));
    const { expected, actual } = await checkGeneratedTables(host.server, 'core', file, 'GeneratedCoreTables');
    expect(actual).toBe(expected);
  });
});
