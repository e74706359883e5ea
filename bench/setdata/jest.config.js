// The first-render setData part of `npm run bench`: pages rendered by miniprogram-simulate in jsdom
// (the mini-program test setup), answered by the real use cases on the seeded embedded database.
// Run by bench/run.mjs; not part of `npm test`.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
module.exports = {
  rootDir: root,
  testEnvironment: '<rootDir>/bench/setdata/environment.js',
  roots: ['<rootDir>/bench/setdata'],
  testMatch: ['<rootDir>/bench/setdata/**/*.bench.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
  setupFiles: ['<rootDir>/test/miniprogram/setup.ts'],
};
