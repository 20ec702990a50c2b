/**
 * What the server keeps of HTML it is given (an article from the editor, an item from someone else's feed):
 * an allow-list, never the browser's word. Article bodies keep structure (headings, lists, quotes, links, our
 * own images, embeds from allowed hosts only); collected text keeps no markup at all.
 */
import sanitizeHtml from 'sanitize-html';

/** Our own uploaded images, as the article body may show them. */
const ownImage = /^\/api\/berita\/images\/[a-f0-9]{32}\/\d{2,4}\.jpg$/;

export function sanitizeArticleHtml(html: string, embedHosts: readonly string[]): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'iframe', 'hr'],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height'],
      iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading'],
    },
    allowedSchemes: ['https', 'http', 'mailto', 'tel'],
    allowedSchemesByTag: { iframe: ['https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...embedHosts],
    allowIframeRelativeUrls: false,
    transformTags: {
      // Links leave with no referrer and no claim of endorsement; they open where the reader is.
      a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), ...(attribs.title ? { title: attribs.title } : {}), rel: 'noopener noreferrer nofollow' } }),
      // An iframe without a title is unusable with a screen reader: give it one; load it only when scrolled to.
      iframe: (tagName, attribs) => ({ tagName, attribs: { ...attribs, title: attribs.title?.trim() || 'Konten tersemat', loading: 'lazy' } }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !ownImage.test(frame.attribs.src ?? '') || !(frame.attribs.alt ?? '').trim();
      if (frame.tag === 'iframe') return !frame.attribs.src;
      if (frame.tag === 'a') return !frame.attribs.href && !frame.text.trim();
      return false;
    },
  }).trim();
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

/** Plain text of HTML (or of text that may hold markup): no tags, no scripts, whitespace collapsed. */
export function plainText(html: string, max = 10_000): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|figcaption|div)>/gi, '$& ').replace(/<br\s*\/?>/gi, ' '), { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'template', 'title'] })
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Minutes an adult reads the text in, at about 200 words a minute (at least one). */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}

/** A URL slug from a title: "Banjir di Cipondoh surut!" → "banjir-di-cipondoh-surut". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `berita-${slug || 'tanpa-judul'}`;
}
