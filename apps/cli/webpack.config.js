const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  projectDir: __dirname,
  outDir: 'dist/apps/cli',
  entry: { chorus: './src/main.ts' },
  banner: '#!/usr/bin/env node',
});
