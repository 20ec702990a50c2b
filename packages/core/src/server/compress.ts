import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { constants, createGzip, gzip } from 'node:zlib';
import { setAnswerHeader } from './http.js';

/**
 * gzip level of answers compressed on the way out. Level 4 was measured against the default 6 on this kit's big
 * answers (2-core machine): a year's price CSV 214 against 100 MB/s for 4 % more bytes, a commodity's one-year
 * chart (657 kB of JSON) 4 against 12 ms for 13 % more. Answers kept by the response cache are compressed once,
 * at the default level, so the public pages' repeated reads still get the smaller bytes.
 */
export const answerGzipLevel = 4;

// Below this, gzip costs more than it saves.
const threshold = 1024;
const gzipAsync = promisify(gzip);
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Text answers (pages, scripts, JSON, CSV) travel gzip-compressed for slow mobile data; zlib runs on libuv's
 * threads, so compressing a long export does not hold the event loop. Same rules as Hono's compress (which has
 * no level setting): not for HEAD, ranges, bodies already encoded, small or non-text answers, or `no-transform`.
 *
 * The body is touched last: with Node's adapter an answer made from a string (`c.json`, `c.html`) is written
 * straight out unless something reads its body, which makes a web stream of it. An answer whose length is not
 * given is read until it is known to be small (sent as it is) or whole (compressed in one go, with its length);
 * only a stream still running after the first kilobyte is compressed chunk by chunk. Measured on `/api/health`
 * (200 bytes of JSON) at 50 connections: the stream for every answer took a quarter of the server's time.
 */
export function compressAnswers(): MiddlewareHandler {
  return async function compressAnswer(c, next) {
    await next();
    const res = c.res;
    const length = res.headers.get('content-length');
    const type = res.headers.get('content-type');
    if (
      c.req.method === 'HEAD' ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has('content-encoding') ||
      res.headers.has('transfer-encoding') ||
      (length !== null && Number(length) < threshold) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      noTransform.test(res.headers.get('cache-control') ?? '')
    ) {
      return;
    }
    const vary = res.headers.get('vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) setAnswerHeader(c, 'vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptsEncoding(c.req.header('accept-encoding'), 'gzip')) return;
    const body = res.body;
    if (!body) return;
    const reader = body.getReader();
    const start: Uint8Array[] = [];
    let size = 0;
    let whole = false;
    while (size < threshold) {
      const { done, value } = await reader.read();
      if (done) {
        whole = true;
        break;
      }
      start.push(value);
      size += value.byteLength;
    }
    // A body made from a string or bytes ends at once; a stream's next chunk is usually still being made, and its
    // first part is not held back for it.
    let waiting: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
    if (!whole) {
      waiting = reader.read();
      const next = await Promise.race([waiting, new Promise<null>((resolve) => setImmediate(resolve, null))]);
      if (next?.done) whole = true;
      if (next) waiting = next.done ? undefined : Promise.resolve(next);
    }
    if (whole) {
      const bytes = Buffer.concat(start);
      const small = bytes.byteLength < threshold;
      const sent = small ? bytes : await gzipAsync(bytes, { level: answerGzipLevel });
      c.res = new Response(new Uint8Array(sent.buffer, sent.byteOffset, sent.byteLength), c.res);
      c.res.headers.set('content-length', String(sent.byteLength));
      if (small) return;
    } else {
      const rest = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of start) controller.enqueue(chunk);
        },
        async pull(controller) {
          const { done, value } = await (waiting ?? reader.read());
          waiting = undefined;
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      // Each chunk the answer gives is sent on at once (a sync flush), not held until zlib's buffer fills: an
      // export's first page, or a page's first part, reaches the client as soon as it is ready.
      const gzip = Duplex.toWeb(createGzip({ level: answerGzipLevel, flush: constants.Z_SYNC_FLUSH })) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
      c.res = new Response(rest.pipeThrough(gzip), c.res);
      c.res.headers.delete('content-length');
    }
    c.res.headers.set('content-encoding', 'gzip');
    const etag = c.res.headers.get('etag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
  };
}

/** A content coding ("gzip", "br") listed in Accept-Encoding, or "*", with a quality above zero. */
export function acceptsEncoding(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name.trim() === coding) return accepted;
    if (name.trim() === '*') wildcard = accepted;
  }
  return wildcard;
}
