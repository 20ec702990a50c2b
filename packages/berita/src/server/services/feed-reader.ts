/**
 * Reads one feed (RSS 2.0, Atom 1.0, JSON Feed 1.1, and RSS 1.0 as it comes) with a kept parser (feedsmith) and
 * keeps of each item only what a reader is shown: title, summary, image, link and date — all as plain text,
 * links only http(s). A feed that cannot be read throws; the collector records the message for the editors.
 */
import { parseFeed } from 'feedsmith';
import { plainText } from './sanitize.js';

export interface FeedItem {
  guid: string;
  url: string;
  title: string;
  summary: string;
  imageUrl: string | null;
  publishedAt: Date | null;
}

/** An absolute http(s) URL, resolved against the feed's address; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: string | undefined | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base.startsWith('http') ? base : undefined);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string' || !value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) || parsed.getFullYear() < 1990 || parsed.getFullYear() > 2100 ? null : parsed;
}

type Media = { thumbnails?: { url?: string }[]; contents?: { url?: string; medium?: string; type?: string }[] } | undefined;
function mediaImage(media: Media): string | undefined {
  return media?.thumbnails?.[0]?.url ?? media?.contents?.find((content) => content.medium === 'image' || content.type?.startsWith('image/'))?.url;
}

/** Items of the feed in `text`, newest first, at most `max`. */
export function readFeed(text: string, feedUrl: string, max: number): FeedItem[] {
  const trimmed = text.trimStart();
  const parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  const raw: { guid?: string; link?: string; title?: string; summary?: string; image?: string; date?: string }[] = [];
  if (parsed.format === 'rss') {
    for (const item of parsed.feed.items ?? []) {
      raw.push({
        guid: item.guid?.value,
        link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
        title: item.title,
        summary: item.description ?? item.content?.encoded,
        image: item.enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url ?? mediaImage(item.media as Media),
        date: (item.pubDate as string | undefined) ?? (item.dc?.dates?.[0] as string | undefined),
      });
    }
  } else if (parsed.format === 'atom') {
    for (const entry of parsed.feed.entries ?? []) {
      const link = entry.links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate')?.href ?? entry.links?.[0]?.href;
      raw.push({ guid: entry.id, link, title: entry.title?.value, summary: entry.summary?.value ?? entry.content?.value, image: mediaImage(entry.media as Media), date: (entry.published ?? entry.updated) as string | undefined });
    }
  } else if (parsed.format === 'json') {
    for (const item of parsed.feed.items ?? []) {
      raw.push({ guid: item.id, link: item.url ?? item.external_url, title: item.title, summary: item.summary ?? item.content_text ?? item.content_html, image: item.image ?? item.banner_image, date: (item.date_published ?? item.date_modified) as string | undefined });
    }
  } else {
    for (const item of parsed.feed.items ?? []) raw.push({ guid: item.link, link: item.link, title: item.title, summary: item.description, date: item.dc?.dates?.[0] as string | undefined });
  }
  const items: FeedItem[] = [];
  for (const entry of raw) {
    const url = safeUrl(entry.link, feedUrl);
    const title = plainText(entry.title ?? '', 300);
    if (!url || !title) continue;
    items.push({
      guid: plainText(entry.guid ?? '', 500) || url,
      url,
      title,
      summary: plainText(entry.summary ?? '', 400),
      imageUrl: safeUrl(entry.image, feedUrl),
      publishedAt: date(entry.date),
    });
  }
  return items.sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0)).slice(0, max);
}
