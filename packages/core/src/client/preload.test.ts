// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPreload, preloadScripts, resetPreloadForTests } from './preload.js';

const preloadLinks = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.head.innerHTML = '';
  resetPreloadForTests();
});

describe('the preload helper that stands in for Vite’s', () => {
  it('imports at once and links the chunk’s scripts four per task, skipping what the page has', async () => {
    document.head.innerHTML = '<script type="text/plain" src="/assets/index-1.js"></script><link rel="modulepreload" href="/assets/react-2.js">';
    const preload = createPreload('/');
    let imported = false;
    const deps = ['assets/index-1.js', 'assets/react-2.js', ...Array.from({ length: 9 }, (_, i) => `assets/part-${i}.js`)];
    const module = await preload(async () => ((imported = true), { default: 'page' }), deps);
    expect(module).toEqual({ default: 'page' });
    expect(imported).toBe(true);
    // Nothing inserted in the importing task: the links come in the following tasks, four at a time.
    expect(preloadLinks()).toEqual(['/assets/react-2.js']);
    await nextTask();
    expect(preloadLinks()).toHaveLength(1 + 4);
    await nextTask();
    expect(preloadLinks()).toHaveLength(1 + 8);
    await nextTask();
    expect(preloadLinks()).toEqual(['/assets/react-2.js', ...Array.from({ length: 9 }, (_, i) => `/assets/part-${i}.js`)]);
    // A second import of a chunk with the same parts links nothing again.
    await preload(async () => ({}), deps);
    await nextTask();
    expect(preloadLinks()).toHaveLength(10);
  });

  it('shares what was linked with the start of the app (preloadScripts)', async () => {
    preloadScripts(['/assets/app-3.js', '/assets/layout-4.js']);
    await createPreload('/')(async () => ({}), ['assets/layout-4.js', 'assets/page-5.js']);
    await nextTask();
    await nextTask();
    expect(preloadLinks()).toEqual(['/assets/app-3.js', '/assets/layout-4.js', '/assets/page-5.js']);
  });

  it('announces a failed import as vite:preloadError, which a host may cancel', async () => {
    const preload = createPreload('/');
    const failure = new Error('chunk gone');
    await expect(preload(() => Promise.reject(failure))).rejects.toBe(failure);
    const cancel = (event: Event) => event.preventDefault();
    window.addEventListener('vite:preloadError', cancel);
    const seen: unknown[] = [];
    const record = (event: Event) => seen.push((event as Event & { payload?: unknown }).payload);
    window.addEventListener('vite:preloadError', record);
    await expect(preload(() => Promise.reject(failure))).resolves.toBeUndefined();
    expect(seen).toEqual([failure]);
    window.removeEventListener('vite:preloadError', cancel);
    window.removeEventListener('vite:preloadError', record);
  });
});
