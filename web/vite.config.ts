/** Vite build of the dashboard: web/ -> dist/web, a static bundle `sitrep serve` serves at `/`. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard's Vite configuration. */
export default defineConfig({
  root: here,
  base: '/',
  // The dashboard runs offline under a strict CSP: nothing may be inlined (connect-src has no
  // data:, script-src no 'unsafe-inline'), so every asset, the basemap included, is a file.
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  logLevel: 'warn',
});
