import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsEncoding, compressAnswers } from './compress.js';

const big = 'date,market,price\n' + Array.from({ length: 4000 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},pasar-${i % 50},${14000 + (i % 7) * 50}`).join('\n');

function app() {
  const hono = new Hono();
  hono.use('*', compressAnswers());
  hono.get('/csv', (c) => c.body(big, 200, { 'content-type': 'text/csv; charset=utf-8', etag: '"v1"' }));
  hono.get('/stream', (c) => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode(big));
        controller.close();
      },
    });
    return c.body(stream, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
  hono.get('/small', (c) => c.body('{"ok":true}', 200, { 'content-type': 'application/json', 'content-length': '11' }));
  hono.get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png' }));
  hono.get('/no-transform', (c) => c.body(big, 200, { 'content-type': 'text/csv', 'cache-control': 'public, no-transform' }));
  return hono;
}

describe('compressAnswers', () => {
  it('gzips a text answer for a client that takes gzip, with a weak ETag and Vary', async () => {
    const res = await app().request('/csv', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(big.length / 4);
    expect(gunzipSync(bytes).toString()).toBe(big);
  });

  it('gzips a streamed answer whole, chunk after chunk', async () => {
    const res = await app().request('/stream', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(big.repeat(10));
  });

  it('leaves plain what the client cannot take or gains nothing from', async () => {
    const plain = await app().request('/csv');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(big);
    const refused = await app().request('/csv', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    for (const path of ['/small', '/png', '/no-transform']) {
      const res = await app().request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('content-encoding'), path).toBeNull();
    }
    const head = await app().request('/csv', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding with its qualities', () => {
    expect(acceptsEncoding('gzip', 'gzip')).toBe(true);
    expect(acceptsEncoding('br, GZIP;q=0.5', 'gzip')).toBe(true);
    expect(acceptsEncoding('gzip;q=0', 'gzip')).toBe(false);
    expect(acceptsEncoding('*', 'gzip')).toBe(true);
    expect(acceptsEncoding('br, *;q=0', 'gzip')).toBe(false);
    expect(acceptsEncoding('identity', 'gzip')).toBe(false);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
  });
});
