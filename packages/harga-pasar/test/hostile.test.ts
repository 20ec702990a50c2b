import { demoPassword } from '@kota-kit/core/server';
import { hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hargaPasarServer from '../src/server/index.js';
import { testClock, testHost } from './fixture.js';

// Every parameter and body field of every harga-pasar operation in the OpenAPI document gets hostile values
// (NUL bytes, broken Unicode and %-encodings, dates outside 1900–2100, huge strings and numbers): a 4xx, never a 5xx.
describe.each(testDatabaseTargets())('harga-pasar under hostile input on %s', (database) => {
  let host: TestHost;
  let requests: ReturnType<typeof hostileRequests>;

  beforeAll(async () => {
    host = await startTestHost({ host: testHost(), serverModules: [hargaPasarServer], database, clock: testClock() });
    const document = await host.client().json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json');
    const paths = Object.fromEntries(Object.entries(document.body.paths ?? {}).filter(([path]) => path.startsWith('/api/harga-pasar')));
    requests = hostileRequests({ ...document.body, paths });
  });
  afterAll(async () => host?.close());

  it('builds requests for every harga-pasar operation', () => {
    const operations = new Set(requests.map((request) => `${request.method} ${request.path.split('?')[0]}`));
    expect(operations.size).toBeGreaterThanOrEqual(12);
    expect(requests.some((request) => request.field === 'query.date')).toBe(true);
    expect(requests.some((request) => request.field === 'body.prices')).toBe(true);
  });

  const as = async (who: 'anonymous' | 'enumerator' | 'supervisor'): Promise<TestClient> => {
    const client = host.client();
    if (who !== 'anonymous') await client.login(`${who}@demo.kotakit.id`, demoPassword);
    return client;
  };

  for (const who of ['anonymous', 'enumerator', 'supervisor'] as const) {
    it(`answers every hostile request ${who === 'anonymous' ? 'anonymously' : `signed in as ${who}`} without a 5xx`, async () => {
      // Exports are rate-limited per address (60 a minute): a 429 is a fine answer too.
      const failures = await sendHostileRequests(await as(who), requests);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
