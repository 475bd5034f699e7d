/** @type {import('jest').Config} */
const transform = {
  // isolatedModules: ts-jest only transpiles; `npm run typecheck` catches type errors.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
};
const common = {
  testEnvironment: 'node',
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  transform,
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    { ...common, displayName: 'emulator', roots: ['<rootDir>/test/emulator'] },
    { ...common, displayName: 'bundle', roots: ['<rootDir>/test/bundle'] },
    { ...common, displayName: 'browser', roots: ['<rootDir>/test/browser'] },
    { ...common, displayName: 'stress', roots: ['<rootDir>/test/stress'] },
  ],
};
