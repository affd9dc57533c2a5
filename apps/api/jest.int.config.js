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
  testTimeout: 60_000,
};
