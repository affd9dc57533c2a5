// The API's entry points: HTTP (main), queue worker, and the `npm start` launcher.
const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  projectDir: __dirname,
  outDir: 'dist/apps/api',
  entry: {
    main: './src/main.ts',
    worker: './src/worker.ts',
    // The worker's bundle-build thread (BundleThread starts it from beside worker.js).
    'bundle-build-thread': './src/delivery/bundle-build.thread.ts',
    launcher: './src/launcher.ts',
    'embedded-postgres': './src/embedded-postgres.ts',
    // Preloaded into the API and worker by the launcher (node -r), so they die with it.
    'parent-watch': './src/launcher/parent-watch.ts',
  },
});
