/**
 * The host's stand-in for Vite's preload helper (`__vitePreload`, which Vite wraps around every `import()` of a build
 * with the list of scripts and styles the imported chunk needs). Vite's helper inserts a `<link>` for every one of
 * them at once; each costs the page's thread about a millisecond to start its request (four on a cheap phone), and a
 * module page imports 10–20 small scripts, so opening one was a task of 20–35 ms on a 2-core machine. Here:
 * - styles are linked at once and waited for, as Vite does (the part must not show unstyled);
 * - scripts are linked a few per task, without waiting: the chunk is imported at once and the browser fetches what it
 *   imports anyway; the links only let the deeper ones start earlier;
 * - a failure is announced as Vite's `vite:preloadError` event (cancelable), so the host's handling stays the same.
 * The kit's Vite plugin puts it in place of Vite's (`kotaKit()` in @kota-kit/core/vite).
 */

const linksPerTask = 4;
/** Hrefs the page has or has asked for (its scripts and links, then everything linked from here). */
let linked: Set<string> | undefined;
const pending: string[] = [];
let scheduled = false;

function alreadyLinked(): Set<string> {
  if (!linked) {
    linked = new Set();
    for (const link of document.getElementsByTagName('link')) linked.add(link.href);
    for (const script of document.getElementsByTagName('script')) if (script.src) linked.add(script.src);
  }
  return linked;
}

/** Starts downloading these scripts (URLs or paths), a few per task, skipping what the page has or asked for already. */
export function preloadScripts(files: readonly string[]): void {
  const seen = alreadyLinked();
  for (const file of files) {
    const href = new URL(file, document.baseURI).href;
    if (seen.has(href)) continue;
    seen.add(href);
    linkScript(href);
  }
}

function insertSome(): void {
  const links = document.createDocumentFragment();
  for (const href of pending.splice(0, linksPerTask)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    links.append(link);
  }
  document.head.append(links);
  if (pending.length > 0) setTimeout(insertSome, 0);
  else scheduled = false;
}

function linkScript(href: string): void {
  pending.push(href);
  if (scheduled) return;
  scheduled = true;
  setTimeout(insertSome, 0);
}

function linkStyle(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = '';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`Unable to preload CSS for ${href}`)));
    document.head.append(link);
  });
}

function announce(error: unknown): void {
  const event = new Event('vite:preloadError', { cancelable: true }) as Event & { payload?: unknown };
  event.payload = error;
  window.dispatchEvent(event);
  if (!event.defaultPrevented) throw error;
}

/**
 * `base` is the build's public base path ("/" by default). `deps` are build-relative file names ("assets/x.js"),
 * `importerUrl` the importing chunk's URL (for a relative base).
 */
export function createPreload(base: string) {
  return function preload<T>(baseModule: () => Promise<T>, deps?: string[], importerUrl?: string): Promise<T> {
    const styles: Promise<void>[] = [];
    if (deps && deps.length > 0 && typeof document !== 'undefined') {
      const seen = alreadyLinked();
      for (const dep of deps) {
        const href = new URL(base === './' || base === '' ? dep : base + dep, importerUrl ?? document.baseURI).href;
        if (seen.has(href)) continue;
        seen.add(href);
        if (new URL(href).pathname.endsWith('.css')) styles.push(linkStyle(href));
        else linkScript(href);
      }
    }
    return Promise.allSettled(styles).then((results) => {
      for (const result of results) if (result.status === 'rejected') announce(result.reason);
      return baseModule().catch((error: unknown) => {
        announce(error);
        return undefined as T;
      });
    });
  };
}

/** For tests: forget what was linked. */
export function resetPreloadForTests(): void {
  linked = undefined;
  pending.length = 0;
  scheduled = false;
}
