/**
 * @kota-kit/core/render — renders the first view of a page on the server from the same React components the
 * browser runs, so a phone paints the page — its header, texts and the answers of its queries — before any
 * JavaScript has arrived; the browser app then hydrates that markup (`startClient`).
 *
 * A host builds this with Vite as its "render" entry (`vite build --ssr src/render.ts`):
 *   import { createPageRenderer } from '@kota-kit/core/render';
 *   import { clientModules } from 'virtual:kota-kit/client';
 *   export const render = createPageRenderer(clientModules);
 */
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import type { PageRenderer, RenderedPage, RenderRequest } from '../types.js';
import { createApp } from './app.js';
import { loadTranslations } from './i18n.js';
import type { ClientModule } from './module.js';
import { runtime } from './runtime.js';
import { sessionQueryKey } from './session.js';

export type { PageRenderer, RenderedPage, RenderRequest };

/** How long the page's queries may take before the page is rendered without the ones still waiting. */
const queryTimeoutMs = 1500;
/** An answer larger than this (as JSON) is left to the browser, so the page itself stays small. */
const largestAnswer = 64 * 1024;

/**
 * One render at a time: the formatters and the API client read the language and the fetch from `runtime`, which
 * one process shares, and a render awaits (lazy pages, translation tables, answers).
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The host's page renderer. It renders the page once to learn which queries it asks for, fetches their answers with
 * `request.fetch`, and renders it again with them. A part that throws inside a loading boundary (a widget, a lazy
 * page) is left to the browser and reported to `onPartError`; one that throws outside any makes the render reject
 * (the server then serves the boot shell).
 */
export function createPageRenderer(modules: ClientModule[]): PageRenderer {
  return (request) => {
    const run = queue.then(() => renderOnce(modules, request));
    queue = run.catch(() => undefined);
    return run;
  };
}

interface QueryOptionsLike {
  queryKey: readonly unknown[];
  queryFn?: unknown;
  enabled?: unknown;
}

async function renderOnce(modules: ClientModule[], request: RenderRequest): Promise<RenderedPage> {
  const { url, bootstrap, language, user, onPartError } = request;
  const active = new Set(bootstrap.modules.map((module) => module.id));
  const asked: QueryOptionsLike[] = [];
  const app = createApp({
    bootstrap,
    modules: modules.filter((module) => active.has(module.definition.id)),
    language,
    serverUrl: url,
    collectQueries: request.fetch ? (options) => asked.push(options as QueryOptionsLike) : undefined,
  });
  app.queryClient.setQueryData(sessionQueryKey, user);
  await loadTranslations(app.i18n, language);
  runtime.language = language;
  runtime.fetch = request.fetch;
  try {
    const element = <StrictMode>{app.element}</StrictMode>;
    const errors: unknown[] = [];
    let html = await renderHtml(element, errors);
    if (request.fetch && (await fetchAnswers(app.queryClient, asked))) {
      errors.length = 0;
      html = await renderHtml(element, errors);
    }
    for (const error of errors) onPartError?.(error);
    // Who is signed in travels on its own (RenderRequest.user); the rest are the page's answers.
    const queries = dehydrate(app.queryClient, { shouldDehydrateQuery: (query) => query.state.status === 'success' && !(query.queryKey[0] === sessionQueryKey[0] && query.queryKey[1] === sessionQueryKey[1]) });
    // A form the browser sends by itself (before the app has started) must not put its fields — a password — in the
    // address, the history and the server's logs: POST, which the server answers by showing the page again.
    return { html: html.replace(/<form(?![^>]*\smethod=)/g, '<form method="post"'), queries: queries.queries.length > 0 ? queries : undefined };
  } finally {
    runtime.fetch = undefined;
    app.queryClient.clear();
  }
}

async function renderHtml(element: ReactElement, errors: unknown[]): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element, {
    // Every part in place, never a large part sent aside with an inline script to move it in: the page's policy runs
    // no inline script but core's own.
    progressiveChunkSize: Number.POSITIVE_INFINITY,
    onError: (error) => {
      errors.push(error);
    },
  });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Fetches the answers of the queries the page asked for (not those switched off or already there); keeps only
 * the answers that arrived in time, whole and not too large. Whether any was added.
 */
async function fetchAnswers(queryClient: QueryClient, asked: readonly QueryOptionsLike[]): Promise<boolean> {
  const wanted = asked.filter((options) => typeof options.queryFn === 'function' && (options.enabled === undefined || options.enabled === true) && queryClient.getQueryState(options.queryKey)?.status !== 'success');
  if (wanted.length === 0) return false;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    // prefetchQuery never throws: a failed query is left in its error state, removed below.
    Promise.all(wanted.map((options) => queryClient.prefetchQuery({ ...(options as Parameters<QueryClient['prefetchQuery']>[0]), retry: false }))),
    new Promise((resolve) => (timer = setTimeout(resolve, queryTimeoutMs))),
  ]);
  clearTimeout(timer);
  await queryClient.cancelQueries({ predicate: (query) => query.state.fetchStatus === 'fetching' });
  // What the browser could not have at once renders its loading state on both sides.
  queryClient.removeQueries({ predicate: (query) => query.state.status !== 'success' || JSON.stringify(query.state.data ?? null).length > largestAnswer });
  return wanted.some((options) => queryClient.getQueryState(options.queryKey)?.status === 'success');
}
