// A session cookie's lifetime counts from the browser's clock (Max-Age), so a server clock far from the browser's
// (a test clock years ahead, a drifting server) still signs people in for the session's 30 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/server/index.js';
import { startTestHost, TestClock, type TestHost } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

describe('session cookie with a clock years ahead', () => {
  let host: TestHost;
  const clock = new TestClock(new Date('2029-06-01T08:00:00+07:00'));

  beforeAll(async () => {
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', clock });
  });
  afterAll(async () => host?.close());

  it('signs in and stays signed in, with a 30-day Max-Age and no Expires', async () => {
    const client = host.client();
    const login = await client.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.kotakit.id', password: demoPassword }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('kk_session=')) ?? '';
    expect(cookie).toMatch(/Max-Age=2592000/i);
    expect(cookie).not.toMatch(/Expires=/i);
    const me = await client.json<{ user: { email: string } | null }>('/api/auth/me');
    expect(me.body.user?.email).toBe('admin@demo.kotakit.id');
  });
});
