// Watches a query and a document through a function's production bundle (its trimmed SDK, with the
// realtime client in a file of its own: scripts/trim-cloudbase-sdk.mjs, DEFERRED_BELOW) and prints
// what happened as JSON: the type of each `watch()` answer, the requests the SDK sent to a local
// stand-in for CloudBase's API, and the WebSocket addresses it opened (a stand-in that never
// connects). Run by test/store/cloudbase-trimmed.test.ts in a process of its own, because the
// realtime client keeps its timers running after its listeners close.
// Usage: node realtime-watch-probe.cjs <bundle index.js> (exported: init, as @cloudbase/node-sdk's)
const http = require('node:http');
const { setInterval, clearInterval } = require('node:timers');

const requests = [];
const opened = [];
const server = http.createServer((req, res) => {
  let text = '';
  req.on('data', (d) => (text += d));
  req.on('end', () => {
    const { action } = JSON.parse(text);
    requests.push(action);
    const data = { signStr: 'sign', wsUrl: 'ws://127.0.0.1:9/watch', secretVersion: 1, envId: 'probe' };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(action === 'auth.wsWebSign' ? { requestId: 'r', data } : { requestId: 'r', code: 'UNEXPECTED' }));
  });
});

function report(answers) {
  process.stdout.write(JSON.stringify({ answers, requests, opened }) + '\n');
  process.exit(0);
}

server.listen(0, '127.0.0.1', () => {
  const { init } = require(process.argv[2]);
  const url = `http://127.0.0.1:${server.address().port}`;
  const db = init({ env: 'probe', secretId: 'AKIDprobe', secretKey: 'probe-key', serviceUrl: url, timeout: 3000 }).database();
  // The SDK opens `Db.wsClass` where it is set (its Db class, static): one that records and never connects.
  const Db = db.constructor;
  Db.wsClass = class {
    constructor(address) {
      opened.push(address);
    }
    connect() {
      return new Promise(() => undefined);
    }
    close() {}
  };
  const answers = [];
  for (const watched of [() => db.collection('items').where({ n: 1 }), () => db.collection('items').doc('d')]) {
    Db.ws = undefined; // each watch builds its client: query.js's and document.js's stand-ins both load it
    try {
      answers.push(typeof watched().watch({ onChange: () => undefined, onError: () => undefined }).close);
    } catch (e) {
      answers.push(`threw: ${e.message}`);
    }
  }
  const started = Date.now();
  const wait = setInterval(() => {
    if (opened.length >= answers.filter((a) => a === 'function').length || Date.now() - started > 10_000) {
      clearInterval(wait);
      report(answers);
    }
  }, 10);
});
