/**
 * Hostile input to every LAKSA operation of the OpenAPI document (the API and Open311): NUL bytes, broken
 * Unicode, out-of-range dates and numbers, malformed encodings, huge strings, wrong types — in every parameter
 * and body field, anonymous and signed in as the central room and as a DPUPR handler. None may answer 5xx.
 */
import { demoPassword } from '@kota-kit/core/server';
import { hostileRequests, sendHostileRequests, startTestHost, testDatabaseTargets, type HostileRequest, type TestClient, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import laksaServer from '../src/server/index.js';
import { send, testClock, testHost } from './fixture.js';

/** Every operation and field stays covered; of the requests for one field, every other hostile value is sent. */
function sample(requests: HostileRequest[]): HostileRequest[] {
  const seen = new Map<string, number>();
  return requests.filter((request) => {
    const key = `${request.method} ${request.field}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return index % 2 === 0 || /[%]|\\u0000|0000-|9999/.test(request.path);
  });
}

describe.each(testDatabaseTargets())('laksa under hostile input on %s', (database) => {
  let host: TestHost;
  let requests: HostileRequest[];
  /** Operations with a parameter or a body, as [method, path template]. */
  let operations: [string, string][];
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    host = await startTestHost({ host: testHost({ rateLimitPerHour: 100_000 }), serverModules: [laksaServer], database, clock: testClock() });
    clients.anonymous = host.client();
    for (const [name, email] of [['verifier', 'verifier@demo.kotakit.id'], ['dpupr', 'dpupr@demo.kotakit.id']] as const) {
      clients[name] = host.client();
      await clients[name].login(email, demoPassword);
    }
    await send(clients.anonymous!);
    const document = (await clients.anonymous!.json<Parameters<typeof hostileRequests>[0]>('/api/openapi.json')).body;
    const paths = Object.fromEntries(Object.entries(document.paths ?? {}).filter(([path]) => path.startsWith('/api/laksa') || path.startsWith('/open311')));
    requests = sample(hostileRequests({ ...document, paths }));
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, { parameters?: unknown[]; requestBody?: unknown }>)
        .filter(([, operation]) => operation.parameters?.length || operation.requestBody)
        .map(([method]): [string, string] => [method, path]),
    );
  });
  afterAll(async () => host?.close());

  it('covers every LAKSA operation with parameters or a body, Open311 included', () => {
    expect(operations.length).toBeGreaterThan(25);
    expect(operations.some(([method, path]) => method === 'post' && path === '/open311/v2/requests.json')).toBe(true);
    for (const [method, path] of operations) {
      const template = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/?]*')}(\\?|$)`);
      expect(requests.some((request) => request.method === method && template.test(request.path)), `${method} ${path}`).toBe(true);
    }
  });

  for (const who of ['anonymous', 'verifier', 'dpupr']) {
    it(`answers no 5xx to ${who}`, async () => {
      const failures = await sendHostileRequests(clients[who]!, requests);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
