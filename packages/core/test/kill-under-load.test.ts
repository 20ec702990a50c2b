// A server process killed with SIGKILL under a write load loses no write it acknowledged, on both databases;
// the embedded folder opens again each time (the dead process's lock is taken over).
// KK_KILL_CYCLES=50 makes it a longer benchmark; it prints the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, testDatabaseTargets } from '../src/testing.js';
import { startChildHost, stopChildHost, type ChildHost } from './fixture/spawn.js';

const cycles = Number(process.env.KK_KILL_CYCLES ?? 5);
const writers = 4;
const root = mkdtempSync(join(tmpdir(), 'kk-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(testDatabaseTargets())('SIGKILL under a write load on %s', (target) => {
  let host: ChildHost | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stopChildHost(host, 'SIGKILL');
    await drop?.();
  });

  it(`keeps every acknowledged write over ${cycles} kills`, { timeout: 60_000 + cycles * 20_000 }, async () => {
    const env: Record<string, string> = { KOTA_UPLOADS_DIR: join(root, target, 'uploads'), DATABASE_URL: '' };
    if (target === 'postgres') {
      const database = await createPostgresTestDatabase();
      drop = database.drop;
      env.DATABASE_URL = database.url;
    } else {
      env.KOTA_DATA_DIR = join(root, target, 'db');
    }
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let cookie = '';
    for (let cycle = 0; cycle < cycles; cycle++) {
      host = await startChildHost(env);
      const { url } = host;
      if (!cookie) {
        // The session lives in the database, so one sign-in serves every restart.
        const login = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url },
          body: JSON.stringify({ email: 'editor@demo.kotakit.id', password: 'demo1234' }),
        });
        cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      }
      let running = true;
      let written = 0;
      const write = async (writer: number) => {
        for (let sequence = 0; running; sequence++) {
          const text = `kill ${cycle} writer ${writer} note ${sequence}`;
          try {
            const response = await fetch(`${url}/api/fixture-notes/notes`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', origin: url, cookie },
              body: JSON.stringify({ agencyId: 'dpupr', text }),
            });
            if (response.status === 201) {
              acknowledged.push(text);
              written++;
            } else {
              unexpected.push(`${response.status} ${await response.text()}`);
            }
          } catch {
            // The connection died with the process: this write was never acknowledged.
          }
        }
      };
      const load = Array.from({ length: writers }, (_, writer) => write(writer));
      // Kill at a random moment once the load is well under way.
      while (written < 20) await sleep(10);
      await sleep(Math.random() * 300);
      await stopChildHost(host, 'SIGKILL');
      running = false;
      await Promise.all(load);
    }

    host = await startChildHost(env);
    const stored = new Set(
      ((await (await fetch(`${host.url}/api/fixture-notes/notes`)).json()) as { notes: { text: string }[] }).notes.map((note) => note.text),
    );
    await stopChildHost(host);
    const lost = acknowledged.filter((text) => !stored.has(text));
    console.log(`${target}: ${cycles} kills, ${acknowledged.length} acknowledged writes, ${lost.length} lost`);
    expect(unexpected).toEqual([]);
    expect(lost).toEqual([]);
  });
});
