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
  it('gzips a text answer for a client that takes gzip in one go, with its length, a weak ETag and Vary', async () => {
    const res = await app().request('/csv', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(bytes.byteLength).toBeLessThan(big.length / 4);
    expect(gunzipSync(bytes).toString()).toBe(big);
  });

  it('gzips a streamed answer whole, chunk after chunk', async () => {
    const res = await app().request('/stream', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(big.repeat(10));
  });

  it('sends the first part of a stream still being made without waiting for the rest', async () => {
    let finish!: () => void;
    const later = new Promise<void>((resolve) => (finish = resolve));
    const encoder = new TextEncoder();
    const hono = new Hono();
    hono.use('*', compressAnswers());
    hono.get('/slow', (c) =>
      c.body(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(encoder.encode(big.slice(0, 2000)));
            await later;
            controller.enqueue(encoder.encode(big.slice(2000)));
            controller.close();
          },
        }),
        200,
        { 'content-type': 'text/csv' },
      ),
    );
    // The answer (headers, and a first gzip part after a sync flush) comes while the stream still waits.
    const res = await hono.request('/slow', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    finish();
    const parts = [Buffer.from(first.value!)];
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(Buffer.from(next.value));
    expect(gunzipSync(Buffer.concat(parts)).toString()).toBe(big);
  });

  it('sends a small answer of unknown length as it is, with its length; leaves 304 and 204 alone', async () => {
    const hono = new Hono();
    hono.use('*', compressAnswers());
    hono.get('/json', (c) => c.json({ status: 'ok', modules: ['laksa', 'harga-pasar'] }));
    hono.get('/not-modified', () => new Response(null, { status: 304, headers: { etag: 'W/"a"' } }));
    hono.get('/empty', (c) => c.body(null, 204));
    const json = await hono.request('/json', { headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers.get('content-encoding')).toBeNull();
    const text = await json.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok', modules: ['laksa', 'harga-pasar'] });
    expect(json.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    const notModified = await hono.request('/not-modified', { headers: { 'accept-encoding': 'gzip' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-encoding')).toBeNull();
    expect((await hono.request('/empty', { headers: { 'accept-encoding': 'gzip' } })).status).toBe(204);
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
