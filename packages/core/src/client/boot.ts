import { preloadScripts } from './preload.js';

/**
 * @kota-kit/core/boot — the first lines a host's browser entry runs (src/main.tsx):
 *   import 'virtual:kota-kit/styles';
 *   import { afterFirstPaint } from '@kota-kit/core/boot';
 *   afterFirstPaint(() => import('react-dom/client'), () => import('./app.js'));
 * The server sends each page with its first view rendered. The browser shows it first; then the app's code (and
 * the visitor's language's translation tables, which the server lists in the page) is fetched and started. Fetched
 * before, it would compete with the page's own style on a slow connection, and its evaluation would hold up the paint.
 * Each step is evaluated in its own task: React's DOM library alone takes a cheap phone tens of milliseconds to
 * evaluate, and one task for everything would hold up a tap for as long as all of them together.
 */
export function afterFirstPaint(...steps: (() => Promise<unknown>)[]): void {
  holdFormsUntilStarted();
  const run = async () => {
    preloadListed();
    for (const step of steps) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await step();
    }
  };
  const start = () => {
    run().catch((error: unknown) => console.error('Kota Kit: the app could not be started', error));
  };
  // A page opened in the background is not painted until shown: nothing to wait for.
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(() => setTimeout(start, 0));
}

/** Starts downloading the scripts the server listed (`<script type="application/json" id="kk-preload">`), in order. */
function preloadListed(): void {
  let listed: unknown;
  try {
    listed = JSON.parse(document.getElementById('kk-preload')?.textContent ?? '[]');
  } catch {
    return;
  }
  if (Array.isArray(listed)) preloadScripts(listed.filter((file): file is string => typeof file === 'string'));
}

/**
 * A form sent before the app has taken the page over would be sent by the browser itself, to the page's own address:
 * nothing would happen but a reload, and the typed text would be lost. Until the app has started (it marks
 * `<html data-kk-app>`, and from then React answers, or replays, what the user does), such a submit is held back.
 */
function holdFormsUntilStarted(): void {
  const hold = (event: Event) => {
    if (document.documentElement.hasAttribute('data-kk-app')) document.removeEventListener('submit', hold, true);
    else event.preventDefault();
  };
  document.addEventListener('submit', hold, true);
}
