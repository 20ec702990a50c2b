// The browser build's hashed scripts go out as the Vite plugin compressed them (brotli for browsers that take it,
// else gzip), with no compression work per request; files without a copy are still gzipped on the way out.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../src/testing.js';
import { precompressFiles } from '../src/vite.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer from './fixture/server.js';

/** The answer as sent: headers and undecoded body bytes (fetch would decode them). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('precompressed assets', () => {
  let host: TestHost;
  let clientDir: string;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `kata-${i}`))};\n`;
  const style = `.kk-x{color:red}\n`.repeat(200);
  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'kk-assets-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><html lang="id"><head><!--kota-kit:head--></head><body><div id="root"></div></body></html>');
    await writeFile(join(clientDir, 'assets/app-abc.js'), script);
    await writeFile(join(clientDir, 'assets/style-abc.css'), style);
    await precompressFiles(clientDir, ['assets/app-abc.js']);
    host = await startTestHost({ host: fixtureHost, serverModules: [fixtureServer], database: 'pglite', clientDir });
  });
  afterAll(async () => {
    await host?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that takes it, else the gzip copy, else the file', async () => {
    const br = await get(`${host.url}/assets/app-abc.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get(`${host.url}/assets/app-abc.js`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(`${host.url}/assets/app-abc.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(script);
  });

  it('still gzips a file that has no copy on the way out', async () => {
    const css = await get(`${host.url}/assets/style-abc.css`, { 'accept-encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(css.body).toString()).toBe(style);
  });
});
