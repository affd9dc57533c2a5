// Shared jest settings: SWC transpiles (type checking is the separate `typecheck` target),
// and the @chorus/* aliases resolve to the libs' sources.
const path = require('node:path');

const root = __dirname;

function swcTransform({ tsx = false } = {}) {
  return [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true, tsx },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          react: { runtime: 'automatic' },
        },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ];
}

const moduleNameMapper = {
  '^@chorus/i18next-in-context$': path.join(root, 'libs/i18next-in-context/src/index.ts'),
  '^@chorus/i18next-in-context/client$': path.join(root, 'libs/i18next-in-context/src/client.ts'),
  '^@chorus/translation-core$': path.join(root, 'libs/translation-core/src/index.ts'),
  '^@chorus/translation-core/testing$': path.join(root, 'libs/translation-core/src/testing.ts'),
  '^@chorus/voting$': path.join(root, 'libs/voting/src/index.ts'),
  '^@chorus/voting/testing$': path.join(root, 'libs/voting/src/testing.ts'),
};

/** @param {{ displayName: string, dir: string, tsx?: boolean, environment?: string, match?: string[] }} o */
function project(o) {
  return {
    displayName: o.displayName,
    rootDir: o.dir,
    testEnvironment: o.environment ?? 'node',
    testMatch: o.match ?? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    transform: { '^.+\\.(t|j)sx?$': swcTransform({ tsx: o.tsx ?? false }) },
    transformIgnorePatterns: ['/node_modules/(?!(make-plural)/)'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper,
  };
}

module.exports = { project, swcTransform, moduleNameMapper };
