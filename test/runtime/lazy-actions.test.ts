// The deployed entries (cloudfunctions/<fn>/index.ts) load their actions by group on the first call
// of one of them (core/runtime/lazy-actions.ts). Whatever is loaded, each action name must reach
// the action the function's map (app/<fn>/actions.ts, FUNCTIONS) gives it, and answer the same.
// test/store/cloudbase-trimmed.test.ts drives every action through each production bundle.
import type { ActionMap } from '../../cloudfunctions/core/app/action';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { LazyActions } from '../../cloudfunctions/core/runtime/lazy-actions';
import { makeHarness, type Harness } from '../support/harness';

const ENTRIES: Record<FunctionName, () => Promise<{ actions: ActionMap | LazyActions }>> = {
  account: () => import('../../cloudfunctions/account/index'),
  community: () => import('../../cloudfunctions/community/index'),
  volunteer: () => import('../../cloudfunctions/volunteer/index'),
  requests: () => import('../../cloudfunctions/requests/index'),
  ratings: () => import('../../cloudfunctions/ratings/index'),
  messages: () => import('../../cloudfunctions/messages/index'),
  admin: () => import('../../cloudfunctions/admin/index'),
  owners: () => import('../../cloudfunctions/owners/index'),
  outreach: () => import('../../cloudfunctions/outreach/index'),
};
const names = Object.keys(FUNCTIONS) as FunctionName[];
const LAZY: FunctionName[] = ['volunteer', 'requests', 'ratings', 'admin', 'owners', 'outreach'];

async function lazyOf(fn: FunctionName): Promise<LazyActions> {
  const { actions } = await ENTRIES[fn]();
  if (!(actions instanceof LazyActions)) throw new Error(`${fn}'s entry does not load its actions by group`);
  return actions;
}

test.each(names)('%s: the entry answers each action with that action', async (fn) => {
  const { actions } = await ENTRIES[fn]();
  for (const [name, def] of Object.entries(FUNCTIONS[fn])) {
    const map = actions instanceof LazyActions ? await actions.forEvent({ action: name, data: {} }) : actions;
    expect([name, map[name]]).toEqual([name, def]);
    expect(map[name]).toBe(def);
  }
});

test.each(LAZY)('%s: each listed action is in the group its entry names, which loads alone', async (fn) => {
  const lazy = await lazyOf(fn);
  expect(lazy.listed.size).toBeGreaterThan(0);
  const loaders = new Set(lazy.listed.values());
  expect(loaders.size).toBeGreaterThan(1);
  for (const [name, load] of lazy.listed) {
    const group = await load();
    expect([name, Object.prototype.hasOwnProperty.call(group, name)]).toEqual([name, true]);
    expect(group[name]).toBe(FUNCTIONS[fn][name as keyof (typeof FUNCTIONS)[typeof fn]]);
    // Dispatch gets the called action alone (not the whole map from the fallback).
    expect(Object.keys(await lazy.forEvent({ action: name }))).toEqual([name]);
  }
  // The groups hold the whole function.
  const held = new Set<string>();
  for (const load of loaders) for (const name of Object.keys(await load())) held.add(name);
  expect([...held].sort()).toEqual(Object.keys(FUNCTIONS[fn]).sort());
});

test('an unknown action is looked up in the whole map; an event without one loads nothing', async () => {
  const lazy = await lazyOf('admin');
  expect(await lazy.forEvent({ action: 'noSuchAction' })).toBe(FUNCTIONS.admin);
  expect(await lazy.forEvent({ action: 'toString' })).toBe(FUNCTIONS.admin);
  expect(await lazy.forEvent(null)).toEqual({});
  expect(await lazy.forEvent({ action: 7 })).toEqual({});
});

describe('through the entry', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  // The first call of the pages each function serves (bench/runner/cold.mjs).
  const FIRST_CALLS: Array<[FunctionName, string, unknown, string]> = [
    ['admin', 'structure', {}, 'demo-admin'],
    ['requests', 'list', { scope: 'mine' }, 'demo-resident'],
    ['volunteer', 'listActivities', { communityId: 'cm_hongxing' }, 'demo-volunteer'],
    ['ratings', 'board', {}, 'demo-resident'],
    ['owners', 'list', {}, 'demo-resident'],
    ['outreach', 'listNeeds', { communityId: 'cm_hongxing', status: 'open' }, 'demo-cadre'],
  ];

  test.each(FIRST_CALLS)('%s.%s answers as with the whole map', async (fn, action, data, openid) => {
    const main = createCloudEntry(fn, await lazyOf(fn), h.deps);
    const answer = await main({ action, data }, platformContextFor(openid));
    expect(answer.ok).toBe(true);
    expect(answer).toEqual(await h.call(fn, action, data, openid));
  });

  test('refuses an unknown action and an event without one, as with the whole map', async () => {
    const main = createCloudEntry('outreach', await lazyOf('outreach'), h.deps);
    expect(await main({ action: 'noSuchAction', data: {} }, platformContextFor('demo-cadre'))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
    expect(await main({ data: {} }, platformContextFor('demo-cadre'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
