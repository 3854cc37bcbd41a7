import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `vite build web` writes web/dist, which `npm start` serves at `/`. `vite web` serves the app
 * with hot reload and sends the API to `npm start` on port 4000.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // The timing report names Vite's own worker plugin on a busy machine: nothing to act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/healthz': 'http://localhost:4000' } },
});
