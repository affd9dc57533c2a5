// Browser tests against the real stack (work in progress: renamed to jest.config.js, which
// `npm test` runs, once the whole acceptance flow passes reliably).
const { project } = require('../../../jest.preset.js');

module.exports = {
  ...project({
    displayName: 'web:e2e',
    dir: __dirname,
    match: ['<rootDir>/**/*.e2e.ts'],
  }),
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 180_000,
};
