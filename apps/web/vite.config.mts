import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['CHORUS_API'] ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@chorus/translation-core': fileURLToPath(
        new URL('../../libs/translation-core/src/index.ts', import.meta.url),
      ),
      '@chorus/voting': fileURLToPath(new URL('../../libs/voting/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': { target: api, ws: true }, '/health': api, '/api': api, '/bundles': api },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
  },
});
