// One truth for each function's timeout: cloudbaserc.json deploys it, app/function-timeouts.ts
// holds the same figures (this test), and from them the server's budget and the client's timeout
// follow: budget < the function's timeout < the client's timeout, for every function.
import fs from 'node:fs';
import path from 'node:path';
import { SDK_REQUEST_TIMEOUT_MS } from '../../cloudfunctions/core/adapters/cloudbase-store';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { answerMarginMs, callBudgetMs, FUNCTION_TIMEOUT_S, type DeployedFunction } from '../../cloudfunctions/core/app/function-timeouts';
import { CLIENT_MARGIN_MS, cloudTimeoutMs } from '../../miniprogram/services/timeouts';

interface RcFunction {
  name: string;
  timeout: number;
}
const rc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] };
const deployed = Object.keys(FUNCTION_TIMEOUT_S) as DeployedFunction[];

test('the table names exactly the functions cloudbaserc.json deploys, with the same timeouts', () => {
  const fromRc = Object.fromEntries(rc.functions.map((f) => [f.name, f.timeout]));
  expect(fromRc).toEqual(FUNCTION_TIMEOUT_S);
});

test('every user-callable function and the scheduler are deployed', () => {
  expect(deployed.sort()).toEqual([...Object.keys(FUNCTIONS), 'scheduler'].sort());
});

describe.each(deployed)('%s', (fn) => {
  const timeoutMs = FUNCTION_TIMEOUT_S[fn] * 1000;

  test('its budget ends at least 3 s before its timeout, and outlasts one stuck SDK request', () => {
    expect(callBudgetMs(fn)).toBe(timeoutMs - answerMarginMs(FUNCTION_TIMEOUT_S[fn]));
    expect(timeoutMs - callBudgetMs(fn)).toBeGreaterThanOrEqual(3000);
    expect(callBudgetMs(fn)).toBeGreaterThan(SDK_REQUEST_TIMEOUT_MS);
  });
});

describe.each(deployed.filter((fn): fn is keyof typeof FUNCTIONS => fn in FUNCTIONS))('%s, from the mini-program', (fn) => {
  test('the client waits longer than the function’s timeout', () => {
    expect(cloudTimeoutMs(fn)).toBe(FUNCTION_TIMEOUT_S[fn] * 1000 + CLIENT_MARGIN_MS);
    expect(cloudTimeoutMs(fn) - FUNCTION_TIMEOUT_S[fn] * 1000).toBeGreaterThanOrEqual(3000);
  });
});

test('the budgets chosen: 7 s in a 10 s function, 16 s in owners (20 s), 48 s in admin and the scheduler (60 s)', () => {
  expect(Object.fromEntries(deployed.map((fn) => [fn, callBudgetMs(fn)]))).toEqual({
    account: 7000,
    community: 7000,
    volunteer: 7000,
    requests: 7000,
    owners: 16000,
    ratings: 7000,
    messages: 7000,
    admin: 48000,
    outreach: 7000,
    scheduler: 48000,
  });
});
