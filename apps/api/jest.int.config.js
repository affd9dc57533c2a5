// Integration tests: real Postgres and Redis, one worker so files share the test database in turn.
const { project } = require('../../jest.preset.js');

module.exports = {
  ...project({
    displayName: 'api:int',
    dir: __dirname,
    match: ['<rootDir>/test/**/*.int-spec.ts'],
  }),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A guard against hangs, not a performance bar: a loaded machine (load 12 on 2 cores) is slow,
  // and tests wait on events, so the limit must be far above any honest run.
  testTimeout: 600_000,
};
