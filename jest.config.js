// Every unit-test project in one jest run (integration tests have their own config in apps/api).
module.exports = {
  projects: [
    '<rootDir>/libs/translation-core/jest.config.js',
    '<rootDir>/libs/voting/jest.config.js',
    '<rootDir>/libs/i18next-in-context/jest.config.js',
    '<rootDir>/apps/api/jest.config.js',
    '<rootDir>/apps/cli/jest.config.js',
    '<rootDir>/apps/web/jest.config.js',
  ],
};
