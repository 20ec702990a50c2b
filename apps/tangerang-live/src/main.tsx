/// <reference types="vite/client" />
/// <reference types="@kota-kit/core/vite-client" />
// The page's styles are linked from the page itself.
import 'virtual:kota-kit/styles';
import { afterFirstPaint } from '@kota-kit/core/boot';

// The server sends each page with its first view rendered: the browser shows it, then the app (src/app.ts) starts,
// React's DOM library first in a task of its own.
afterFirstPaint(
  () => import('react-dom/client'),
  () => import('./app.js'),
);
