// Browser tests against the real stack (Postgres, Redis, the API serving the Vite build, a
// worker), run by `npm test` (scripts/test.mjs) with --runInBand. One stack for all files.
const { project } = require('../../../jest.preset.js');

module.exports = {
  ...project({
    displayName: 'web:e2e',
    dir: __dirname,
    match: ['<rootDir>/**/*.e2e.ts'],
  }),
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  // A hang guard: the acceptance flow takes ~3 min at load 17 on 2 cores; waits are on events.
  testTimeout: 600_000,
};
