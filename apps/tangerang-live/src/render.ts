/**
 * Render entry, built for Node (`vite build --ssr src/render.ts`): the server renders each page's first view from
 * the same components the browser app runs (src/main.tsx), so a phone paints the page before the JavaScript arrives.
 */
import { createPageRenderer } from '@kota-kit/core/render';
import { clientModules } from 'virtual:kota-kit/client';

export const render = createPageRenderer(clientModules);
