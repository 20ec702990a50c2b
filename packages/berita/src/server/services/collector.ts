/**
 * The collector: fetches each enabled source with a conditional request (ETag / Last-Modified), a timeout and a
 * size limit, reads it, and stores new items de-duplicated by GUID (per source) and by canonical URL (across
 * sources). Each source's last success, last error and item count are kept for the editors. One broken, slow,
 * huge or malicious feed only writes its own error: the others go on.
 */
import { lookup } from 'node:dns/promises';
import { reencodeImage } from '@kota-kit/core/images';
import { isIP } from 'node:net';
import type { Selectable } from '@kota-kit/core/server';
import { sql } from '@kota-kit/core/server';
import { demoFeeds } from '../fixtures/index.js';
import type { BeritaTables, Ctx } from '../tables.js';
import { readFeed } from './feed-reader.js';
import { storeImage } from './images.js';

type SourceRow = Selectable<BeritaTables['berita_sources']>;
export type FetchOutcome = { status: 'updated'; added: number } | { status: 'not-modified' } | { status: 'error'; error: string };

class FeedError extends Error {}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  return lower === '::' || lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}

/** Refuses a URL that is not http(s) or whose host resolves to a private address (unless the region allows it). */
async function checkTarget(ctx: Ctx, url: URL): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('Only http and https addresses are fetched.');
  if (ctx.options.collector.allowPrivateHosts) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => { throw new FeedError(`The host ${host} was not found.`); })).map((entry) => entry.address);
  if (addresses.some(isPrivateAddress)) throw new FeedError('The address is on a private network; the collector does not fetch it.');
}

/** The body of `url`, or null for 304 Not Modified; never more than `maxBytes`, never longer than the timeout. */
async function download(ctx: Ctx, source: SourceRow): Promise<{ text: string; etag: string | null; lastModified: string | null } | null> {
  if (source.url.startsWith('demo:')) {
    const feed = ctx.demo && ctx.options.collector.demoSources ? demoFeeds[source.url.slice(5)] : undefined;
    if (!feed) throw new FeedError('Demo sources are read only in demo mode.');
    return { text: feed(ctx.clock.now()), etag: null, lastModified: null };
  }
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.5' };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.last_modified) headers['if-modified-since'] = source.last_modified;
  const answer = await boundedFetch(ctx, source.url, headers, ctx.options.collector.maxBytes);
  if (!answer) return null;
  return { text: new TextDecoder('utf-8').decode(answer.body), etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') };
}

/** GET with the collector's limits: checked targets (redirects too), a timeout, at most `maxBytes`; null on 304. */
async function boundedFetch(ctx: Ctx, url: string, extraHeaders: Record<string, string>, maxBytes: number): Promise<{ body: Buffer; headers: Headers } | null> {
  const { timeoutSeconds } = ctx.options.collector;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
  try {
    const headers = { 'user-agent': 'KotaKit-Berita/1 (+feed collector)', ...extraHeaders };
    // Redirects are followed by hand (at most 3), each target checked like the first.
    let target = new URL(url);
    let response: Response;
    for (let hops = 0; ; hops += 1) {
      await checkTarget(ctx, target);
      response = await fetch(target, { headers, signal: controller.signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) break;
      await response.body?.cancel();
      if (hops >= 3) throw new FeedError('Too many redirects.');
      target = new URL(location, target);
    }
    if (response.status === 304) return null;
    if (!response.ok) throw new FeedError(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new FeedError(`The answer is larger than ${maxBytes} bytes.`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new FeedError(`The answer is larger than ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
    return { body: Buffer.concat(chunks), headers: response.headers };
  } catch (error) {
    if (controller.signal.aborted) throw new FeedError(`No answer within ${timeoutSeconds} s.`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const message = (error: unknown) => (error instanceof FeedError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

export async function fetchSource(ctx: Ctx, source: SourceRow): Promise<FetchOutcome> {
  const now = ctx.clock.now();
  let outcome: FetchOutcome;
  try {
    const body = await download(ctx, source);
    if (!body) {
      outcome = { status: 'not-modified' };
      await ctx.unitOfWork({ actor: null }, async (work) => {
        await work.db.updateTable('berita_sources').set({ last_fetched_at: now, last_success_at: now, last_error: null }).where('id', '=', source.id).execute();
      });
    } else {
      const items = readFeed(body.text, source.url, ctx.options.collector.maxItems);
      const added = await ctx.unitOfWork({ actor: null }, async (work) => {
        let count = 0;
        for (const item of items) {
          // The same story from another source (same canonical URL), or again from this one (same GUID): kept once.
          const inserted = await work.db
            .insertInto('berita_items')
            .values({ source_id: source.id, guid: item.guid, url: item.url, title: item.title, summary: item.summary, image_url: item.imageUrl, published_at: item.publishedAt ?? now, fetched_at: now })
            .onConflict((conflict) => conflict.doNothing())
            .returning('id')
            .executeTakeFirst();
          if (inserted) count += 1;
        }
        const total = await work.db.selectFrom('berita_items').select((eb) => eb.fn.countAll<string>().as('count')).where('source_id', '=', source.id).executeTakeFirstOrThrow();
        await work.db
          .updateTable('berita_sources')
          .set({ etag: body.etag, last_modified: body.lastModified, last_fetched_at: now, last_success_at: now, last_error: null, item_count: Number(total.count) })
          .where('id', '=', source.id)
          .execute();
        return count;
      });
      // Demo sources' pictures would need the network: their items go without.
      if (!source.url.startsWith('demo:')) await fetchItemImages(ctx, source.id);
      outcome = { status: 'updated', added };
    }
  } catch (error) {
    outcome = { status: 'error', error: message(error) };
    await ctx.unitOfWork({ actor: null }, async (work) => {
      await work.db.updateTable('berita_sources').set({ last_fetched_at: now, last_error: outcome.status === 'error' ? outcome.error : null, last_error_at: now }).where('id', '=', source.id).execute();
    });
    ctx.log.warn('feed source failed', { source: source.id, error: outcome.error });
  }
  return outcome;
}

const maxItemImageBytes = 3_000_000;

/**
 * Pictures of newly collected items, downloaded once with the same limits and re-encoded here (no metadata, a few
 * widths), so readers never load them from the source's server: no tracking by a third party, and they work offline.
 * A picture that cannot be had is simply left out.
 */
async function fetchItemImages(ctx: Ctx, sourceId: number): Promise<void> {
  const pending = await ctx.db.selectFrom('berita_items').select(['id', 'image_url']).where('source_id', '=', sourceId).where('image_url', 'is not', null).where('image_key', 'is', null).orderBy('id', 'desc').limit(ctx.options.collector.maxItems).execute();
  for (const item of pending) {
    try {
      const answer = await boundedFetch(ctx, item.image_url!, { accept: 'image/jpeg, image/png, image/webp' }, maxItemImageBytes);
      if (!answer) continue;
      const picture = await reencodeImage(new Uint8Array(answer.body), { field: 'image', maxBytes: maxItemImageBytes, maxSide: 1200 });
      const { key } = await storeImage(ctx, { actor: null }, picture, null);
      await ctx.unitOfWork({ actor: null }, async (work) => {
        await work.db.updateTable('berita_items').set({ image_key: key }).where('id', '=', item.id).execute();
      });
    } catch (error) {
      // Not worth retrying every round: the item keeps its title, summary and link.
      await ctx.unitOfWork({ actor: null }, async (work) => {
        await work.db.updateTable('berita_items').set({ image_url: null }).where('id', '=', item.id).execute();
      });
      ctx.log.info('collected item picture skipped', { item: item.id, error: message(error) });
    }
  }
}

/** The job: every enabled source whose interval has passed, a few at a time, each on its own. */
export async function collectAll(ctx: Ctx): Promise<Record<number, FetchOutcome>> {
  const due = new Date(ctx.clock.now().getTime() - ctx.options.collector.intervalMinutes * 60_000 + 30_000);
  const sources = await ctx.db
    .selectFrom('berita_sources')
    .selectAll()
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('last_fetched_at', 'is', null), eb('last_fetched_at', '<=', due)]))
    .orderBy(sql`last_fetched_at nulls first`)
    .limit(50)
    .execute();
  const outcomes: Record<number, FetchOutcome> = {};
  const queue = [...sources];
  const worker = async () => {
    for (let source = queue.shift(); source; source = queue.shift()) outcomes[source.id] = await fetchSource(ctx, source);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return outcomes;
}
