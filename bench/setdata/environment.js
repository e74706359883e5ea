/* global structuredClone, TextEncoder, TextDecoder */
// jsdom, plus the Node globals the backend's use cases rely on (the bench runs them in process to
// answer the pages' calls): structuredClone, Buffer, TextEncoder/TextDecoder.
const { TestEnvironment } = require('jest-environment-jsdom');

class BenchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { structuredClone, Buffer, TextEncoder, TextDecoder });
  }
}

module.exports = BenchEnvironment;
