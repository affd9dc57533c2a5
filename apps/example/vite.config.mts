import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
// The example loads bundles and talks GraphQL on its own origin; the dev server forwards both to
// Chorus, so no CORS set-up is needed for the demo (see docs/in-context.md for other origins).
const api = process.env['CHORUS_API'] ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@chorus/i18next-in-context': fileURLToPath(
        new URL('../../libs/i18next-in-context/src/index.ts', import.meta.url),
      ),
    },
  },
  server: { port: 4300, proxy: { '/graphql': api, '/bundles': api, '/api': api } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/example', import.meta.url)),
    emptyOutDir: true,
  },
});
