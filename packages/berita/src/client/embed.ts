/** Embed addresses for the editor: no imports, so it is tested without a browser. */
/** A YouTube or Vimeo page address turned into its embed address; null when the host is not allowed. */
export function embedUrl(input: string, hosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const youtube = url.hostname.replace(/^m\./, 'www.') === 'www.youtube.com' && url.searchParams.get('v') ? url.searchParams.get('v') : url.hostname === 'youtu.be' ? url.pathname.slice(1) : null;
  if (youtube && /^[\w-]{6,20}$/.test(youtube)) url = new URL(`https://www.youtube-nocookie.com/embed/${youtube}`);
  const vimeo = url.hostname === 'vimeo.com' && /^\/\d+$/.test(url.pathname) ? url.pathname.slice(1) : null;
  if (vimeo) url = new URL(`https://player.vimeo.com/video/${vimeo}`);
  return hosts.includes(url.hostname) ? url.toString() : null;
}
