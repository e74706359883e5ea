/** Two projects: node for the backend, jsdom for the mini-program (miniprogram-simulate). */
const tsTransform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/miniprogram/'],
      transform: tsTransform,
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/test/miniprogram/setup.ts'],
      // The first render of a page compiles its WXML: slow on a busy 2-core machine.
      testTimeout: 20000,
    },
  ],
};
