// jest config of `npm run preview`: renders the mini-program's pages in jsdom (miniprogram-simulate,
// the mini-program setup of the jsdom test project) and writes their composed HTML under preview/.
// Not part of `npm test`'s projects: scripts/preview/build.mjs runs it.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

module.exports = {
  rootDir: root,
  displayName: 'preview',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/scripts/preview'],
  testMatch: ['<rootDir>/scripts/preview/**/*.preview.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/miniprogram/setup.ts', '<rootDir>/scripts/preview/setup.ts'],
  testTimeout: 600000,
};
