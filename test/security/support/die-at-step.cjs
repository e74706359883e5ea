// Preloaded into the built gateway (`node --require`) by the message crash tests: the process
// SIGKILLs itself at one step of one operation. A step is one SQLite operation (a statement's
// run/get/all, an exec such as BEGIN IMMEDIATE or COMMIT; not the store's timed WAL checkpoint
// pragma, which runs between operations). Counting starts at the first call to
// /functions/ (DIE_ON=call) or at the first scheduler tick (DIE_ON=tick).
//
//   DIE_AT_STEP=n   dies right before step n — or right after step n-1 returns when that step was
//                   a COMMIT, so n = (a COMMIT's step) + 1 is a death after the commit, before
//                   anything else (the answer, the next write).
//   STEP_LOG=1      prints each counted step as `[step] n <what>` and dies never.
'use strict';
const http = require('node:http');
const Database = require('better-sqlite3');

const dieAt = Number(process.env.DIE_AT_STEP ?? 0);
const log = process.env.STEP_LOG === '1';
const on = process.env.DIE_ON ?? 'call';
let armed = false;
let steps = 0;

function die() {
  process.kill(process.pid, 'SIGKILL');
}

function step(what) {
  if (!armed) return;
  steps += 1;
  if (log) process.stderr.write(`[step] ${steps} ${what}\n`);
  if (steps === dieAt) die();
}

function afterStep(what) {
  if (armed && /^COMMIT/.test(what) && steps + 1 === dieAt) die();
}

const prepare = Database.prototype.prepare;
let patched = false;
Database.prototype.prepare = function patchedPrepare(sql, ...rest) {
  const stmt = prepare.call(this, sql, ...rest);
  if (!patched) {
    patched = true;
    const proto = Object.getPrototypeOf(stmt);
    for (const method of ['run', 'get', 'all']) {
      const original = proto[method];
      proto[method] = function counted(...args) {
        if (/^PRAGMA/i.test(this.source)) return original.apply(this, args);
        step(`${method} ${this.source.slice(0, 60)}`);
        const out = original.apply(this, args);
        afterStep(this.source);
        return out;
      };
    }
  }
  return stmt;
};

const exec = Database.prototype.exec;
Database.prototype.exec = function countedExec(sql) {
  step(`exec ${sql.slice(0, 60)}`);
  const out = exec.call(this, sql);
  afterStep(sql);
  return out;
};

if (on === 'call') {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function armingEmit(event, req, ...rest) {
    if (event === 'request' && !armed && String(req.url).startsWith('/functions/')) armed = true;
    return emit.call(this, event, req, ...rest);
  };
} else {
  const tickMs = Number(process.env.TICK_MS);
  const setIntervalOriginal = globalThis.setInterval;
  globalThis.setInterval = function armingSetInterval(fn, ms, ...rest) {
    if (ms !== tickMs) return setIntervalOriginal(fn, ms, ...rest);
    return setIntervalOriginal(
      (...args) => {
        armed = true;
        return fn(...args);
      },
      ms,
      ...rest,
    );
  };
}
