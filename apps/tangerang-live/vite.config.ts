import react from '@vitejs/plugin-react';
import { kotaKit } from '@kota-kit/core/vite';
import { defineConfig } from 'vite';
import host from './kota.config.ts';

// The browser app is derived from kota.config.ts: only the chosen modules' client parts are bundled.
export default defineConfig({
  plugins: [react(), kotaKit({ host })],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
});
