import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain web code: it reaches data only through window.liaison.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // One inline-free bundle: the CSP allows scripts only from the app's own origin.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
