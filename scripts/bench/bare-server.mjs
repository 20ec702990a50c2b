#!/usr/bin/env node
// The benchmark's bare server: Hono on Node with compression, one PGlite table and one endpoint returning rows,
// and the bare React page's files. What Kota Kit's endpoints are compared with: the framework and the database
// without any of the kit's per-request work. Usage: node bare-server.mjs <port> <bare react dist folder>
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';

const require = createRequire(new URL('../../packages/core/package.json', import.meta.url));
const { Hono } = await import(require.resolve('hono'));
const { compress } = await import(require.resolve('hono/compress'));
const { serve } = await import(require.resolve('@hono/node-server'));
const { PGlite } = await import(require.resolve('@electric-sql/pglite'));

const [port = '3990', dist] = process.argv.slice(2);
const db = new PGlite();
await db.exec(`create table rows (id serial primary key, name text not null, price integer not null, day date not null);
  insert into rows (name, price, day) select 'Komoditas ' || n, 10000 + n * 137, date '2026-11-30' from generate_series(1, 50) n;`);

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const app = new Hono();
app.use('*', compress());
app.get('/rows', async (c) => c.json((await db.query('select id, name, price, day from rows order by id limit 50')).rows));
app.get('*', async (c) => {
  const path = c.req.path === '/' ? '/index.html' : c.req.path;
  try {
    return c.body(await readFile(join(dist, path)), 200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
  } catch {
    return c.notFound();
  }
});
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log(`bare server on ${port}`));
