// Holes closed at the host level (issue "Hardening"): proxy hops, body limits, password spraying, security
// headers and secrets kept out of error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/index.js';
import { clientAddress, redactPath } from '../src/server/security.js';
import { awayFromWindowEdge, startTestHost, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

describe('client address behind proxies', () => {
  it('trusts only the configured number of hops from the right of X-Forwarded-For', () => {
    // The client wrote "6.6.6.6" itself; our one proxy appended the address it saw.
    expect(clientAddress('6.6.6.6, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    expect(clientAddress('6.6.6.6, 203.0.113.7, 10.0.0.5', '10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('6.6.6.6', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('redacts secret-looking path segments', () => {
    expect(redactPath('/api/laksa/track/Zq3xV9kLmN2pQr7sT1uW4yA8bC')).toBe('/api/laksa/track/[redacted]');
    expect(redactPath('/api/laksa/reports/LKS-2026-AB12')).toBe('/api/laksa/reports/LKS-2026-AB12');
  });
});

describe('host hardening on the embedded database', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', extra: { trustProxy: 1, bodyLimits: { bytes: 64 * 1024 } } });
  });
  afterAll(async () => host?.close());

  const login = (email: string, address: string, password = 'salah-sekali') =>
    fetch(`${host.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ email, password }) });

  it('slows password spraying from one address across many accounts', async () => {
    await awayFromWindowEdge(15 * 60);
    const statuses: number[] = [];
    for (let index = 0; index < 25; index += 1) statuses.push((await login(`orang${index}@contoh.id`, '198.51.100.1')).status);
    expect(statuses.slice(0, 15).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(15).every((status) => status === 429)).toBe(true);
    // A client forging the left end of the header is still counted by the address our proxy saw.
    expect((await login('lain@contoh.id', '1.2.3.4, 198.51.100.1')).status).toBe(429);
  });

  it("limits one account's failures across addresses, for minutes, and even the right password waits at most five minutes", async () => {
    await awayFromWindowEdge(5 * 60);
    const statuses: number[] = [];
    for (let index = 0; index < 10; index += 1) statuses.push((await login('editor@demo.kotakit.id', `198.51.100.${20 + index}`)).status);
    expect(statuses.slice(0, 8).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await login('editor@demo.kotakit.id', '198.51.100.99', demoPassword);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(300);
  });

  it('sends a strict CSP, no framing and a narrow permissions policy; HSTS only behind HTTPS', async () => {
    const api = await fetch(`${host.url}/api/health`);
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(api.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('permissions-policy')).toContain('microphone=()');
    expect(api.headers.get('strict-transport-security')).toBeNull();
    const https = await fetch(`${host.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('keeps a secret path segment out of the problem body', async () => {
    const response = await fetch(`${host.url}/api/fixture-notes/track/Zq3xV9kLmN2pQr7sT1uW4yA8bC`);
    const body = (await response.json()) as { instance: string };
    expect(body.instance).toBe('/api/fixture-notes/track/[redacted]');
  });
  // Last: the refused bodies close their connections.
  it('refuses a body over the limit with 413 before parsing, chunked too', async () => {
    const big = JSON.stringify({ email: 'a@b.id', password: 'x'.repeat(200 * 1024) });
    const plain = await fetch(`${host.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(plain.status).toBe(413);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    const chunks = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 200; index += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${host.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

});
