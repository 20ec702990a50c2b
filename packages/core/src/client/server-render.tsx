/**
 * @kota-kit/core/render — renders the first view of a page on the server from the same React components the
 * browser runs, so a phone paints the page's header and text before any JavaScript has arrived; the browser app
 * then hydrates that markup (`startClient`). Data from the API is not fetched here: parts that wait for it render
 * their loading state on both sides.
 *
 * A host builds this with Vite as its "render" entry (`vite build --ssr src/render.ts`):
 *   import { createPageRenderer } from '@kota-kit/core/render';
 *   import { clientModules } from 'virtual:kota-kit/client';
 *   export const render = createPageRenderer(clientModules);
 */
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import type { PageRenderer, RenderRequest } from '../types.js';
import { createApp } from './app.js';
import { loadTranslations } from './i18n.js';
import type { ClientModule } from './module.js';
import { runtime } from './runtime.js';
import { sessionQueryKey } from './session.js';

export type { PageRenderer, RenderRequest };

/**
 * One render at a time: the formatters read the language and time zone from `runtime`, which one process shares,
 * and a render awaits (lazy pages, translation tables). A render takes a few milliseconds once the code is loaded.
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The host's page renderer. A part that throws inside a loading boundary (a widget, a lazy page) is left to the
 * browser and reported to `onPartError`; one that throws outside any makes the render reject (the server then
 * serves the boot shell).
 */
export function createPageRenderer(modules: ClientModule[]): PageRenderer {
  return (request) => {
    const run = queue.then(() => renderOnce(modules, request));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function renderOnce(modules: ClientModule[], { url, bootstrap, language, user, onPartError }: RenderRequest): Promise<string> {
  const active = new Set(bootstrap.modules.map((module) => module.id));
  const app = createApp({ bootstrap, modules: modules.filter((module) => active.has(module.definition.id)), language, serverUrl: url });
  app.queryClient.setQueryData(sessionQueryKey, user);
  await loadTranslations(app.i18n, language);
  runtime.language = language;
  const { prelude } = await prerenderToNodeStream(<StrictMode>{app.element}</StrictMode>, {
    // Every part in place, never a large part sent aside with an inline script to move it in: the page's policy runs
    // no inline script but core's own.
    progressiveChunkSize: Number.POSITIVE_INFINITY,
    onError: (error) => {
      onPartError?.(error);
    },
  });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  app.queryClient.clear();
  // A form the browser sends by itself (before the app has started) must not put its fields — a password — in the
  // address, the history and the server's logs: POST, which the server answers by showing the page again.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/<form(?![^>]*\smethod=)/g, '<form method="post"');
}
