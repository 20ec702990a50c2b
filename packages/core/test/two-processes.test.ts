// The server keeps no state of its own: two server processes on one PostgreSQL share migrations, sessions
// and rate limits. (PGlite is one process by nature, so this runs on PostgreSQL only; CI requires it.)
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromWindowEdge, createPostgresTestDatabase, testDatabaseTargets } from '../src/testing.js';

const targets = testDatabaseTargets().filter((target) => target === 'postgres');
const script = fileURLToPath(new URL('./fixture/serve.ts', import.meta.url));

describe.each(targets)('two server processes on one %s database', () => {
  const processes: ChildProcess[] = [];
  const urls: string[] = [];
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createPostgresTestDatabase();
    drop = database.drop;
    // Both start at once: the migration lock must let exactly one apply each migration.
    const started = await Promise.all(
      [0, 1].map(
        (index) =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', script], {
              cwd: fileURLToPath(new URL('..', import.meta.url)),
              env: { ...process.env, DATABASE_URL: database.url, PORT: '0' },
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            processes.push(child);
            let output = '';
            child.stdout!.on('data', (chunk) => {
              output += chunk;
              const match = /listening (http:\/\/\S+)/.exec(output);
              if (match) resolve(match[1]!);
            });
            child.stderr!.on('data', (chunk) => (output += chunk));
            child.once('exit', (code) => reject(new Error(`server ${index} exited with ${code}: ${output}`)));
          }),
      ),
    );
    urls.push(...started);
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await drop?.();
  });

  it('shares a session signed in on one process with the other', async () => {
    const [first, second] = urls as [string, string];
    const login = await fetch(`${first}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first },
      body: JSON.stringify({ email: 'editor@demo.kotakit.id', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = await (await fetch(`${second}/api/auth/me`, { headers: { cookie } })).json();
    expect(me.user).toMatchObject({ email: 'editor@demo.kotakit.id' });

    // A write on the second process is read back on the first, even though the first keeps the public list in
    // memory (core's response cache): its data version lives in the database both processes read.
    await awayFromWindowEdge(60, 10); // a kept answer is made again every minute (its tag too)
    const kept = await fetch(`${first}/api/fixture-notes/notes`);
    const keptTag = kept.headers.get('etag')!;
    expect((await fetch(`${first}/api/fixture-notes/notes`, { headers: { 'if-none-match': keptTag } })).status).toBe(304);
    expect((await fetch(`${second}/api/fixture-notes/notes`, { headers: { 'if-none-match': keptTag } })).status).toBe(304);
    const created = await fetch(`${second}/api/fixture-notes/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: second, cookie },
      body: JSON.stringify({ agencyId: 'dpupr', text: 'Dari proses kedua' }),
    });
    expect(created.status).toBe(201);
    const fresh = await fetch(`${first}/api/fixture-notes/notes`, { headers: { 'if-none-match': keptTag } });
    expect(fresh.status).toBe(200);
    const notes = await fresh.json();
    expect(notes.notes.map((note: { text: string }) => note.text)).toContain('Dari proses kedua');
    // Both processes now tag the new list alike, so a browser moving between them revalidates with 304.
    const tag = fresh.headers.get('etag')!;
    expect(tag).not.toBe(keptTag);
    expect((await fetch(`${second}/api/fixture-notes/notes`, { headers: { 'if-none-match': tag } })).status).toBe(304);
  });

  it('counts a rate limit across both processes', async () => {
    await awayFromWindowEdge(5 * 60);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const url = urls[attempt % 2]!;
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ email: 'shared-limit@example.id', password: 'salah' }),
      });
      statuses.push(response.status);
    }
    // Eight failures of one account in five minutes, counted across both processes, then 429.
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });
});
