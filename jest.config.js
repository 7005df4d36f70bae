// Two projects: unit specs (no I/O) and integration specs (real SQLite files, processes, HTTP).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  // Type-checking happens once in `npm run typecheck`; jest only transpiles, which keeps 2-core runs fast.
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  // content-disposition 2 (under @fastify/static, which serves /docs) ships ES modules; Node loads them, Jest's CommonJS runtime needs them transpiled.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
};

module.exports = {
  // Whole apps boot, seed and replay in the integration tests; on a loaded 2-core CI machine that outgrows
  // jest's 5 s default. (A global option: projects cannot set it.)
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
