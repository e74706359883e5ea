/**
 * An audited change and its audit entry are one step (RULES.md §5: the audit must not lose a
 * change). For each action whose change is a transaction, the process dies before every database
 * call and right after the first commit: afterwards the database either holds the change with its
 * audit entry, or neither. Before, these actions wrote the entry after the commit, and a death in
 * between left a change nobody had audited.
 *
 * Every audited change is here: most became one transaction, the change and its entry issued
 * together (app/audit.ts auditedChange), at a round trip or two of depth (start and commit) written
 * as the reason in bench/round-trip-depths.ts.
 */
import { AUDIT } from '../../cloudfunctions/core/app/audit';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import { countingStore, crashPoints, dyingStore } from '../support/dying-store';
import type { Harness } from '../support/harness';
import { AUTHZ_MATRIX, matches } from './authz-matrix';
import { CALLER_NAMES, CALLERS, makeWorld, restore, type Snapshot } from './support/world';

/** The actions whose change is one transaction (or one per item), by function and sample key. */
const TRANSACTIONAL: Array<[FunctionName, string]> = [
  ['account', 'register'],
  ['account', 'approve'],
  ['account', 'grantRole'],
  ['account', 'invite'],
  ['account', 'redeem'],
  ['account', 'revokeRole'],
  ['admin', 'createStreet'],
  ['admin', 'createCommunity'],
  ['admin', 'createCompound'],
  ['admin', 'registerFirm'],
  ['admin', 'assignFirm'],
  ['admin', 'importStructure'],
  ['admin', 'setRules'],
  ['owners', 'draft'],
  ['owners', 'importRegister'],
  ['owners', 'linkUnit'],
  ['owners', 'announce'],
  ['owners', 'recordPaper'],
  ['outreach', 'publishNeed'],
  ['outreach', 'wish'],
  ['outreach', 'complete'],
  ['outreach', 'createTeam'],
  ['outreach', 'claim'],
  ['outreach', 'confirmDone'],
  ['outreach', 'thank'],
  ['outreach', 'reviewWish'],
  ['outreach', 'report'],
  ['outreach', 'confirmReport'],
  ['outreach', 'appointBuildingRole'],
  ['outreach', 'vacateBuildingRole'],
  ['outreach', 'setTeamLeader'],
  ['ratings', 'submit'],
  ['ratings', 'publish'],
  ['ratings', 'recordSeriousItem'],
  ['volunteer', 'createActivity'],
  ['volunteer', 'createActivity#team'],
  ['volunteer', 'checkIn'],
  ['volunteer', 'checkOut'],
  ['volunteer', 'cancelActivity'],
];

/** The first caller the matrix lets through with the sample. */
function allowedCaller(fn: FunctionName, key: string): string | null {
  const caller = CALLER_NAMES.find((c) => {
    const cell = AUTHZ_MATRIX[fn]?.[key]?.[c];
    return cell !== undefined && matches(cell, 'ok');
  });
  if (!caller) throw new Error(`no caller may ${fn}.${key}`);
  return CALLERS[caller];
}

/** Every table but the audit log, as rows. */
const withoutAudit = (snap: Snapshot) => JSON.stringify(Object.entries(snap).filter(([name]) => name !== AUDIT));

function run(h: Harness, store: Store, fn: FunctionName, key: string, payload: Payload, openid: string | null) {
  return createCloudEntry(fn, FUNCTIONS[fn], { ...h.deps, store })({ action: actionOf(key), data: payload }, platformContextFor(openid));
}

test.each(TRANSACTIONAL)('%s.%s: a death at any step leaves the change with its audit entry, or neither', async (fn, key) => {
  const h = await makeWorld();
  try {
    const payload = await ACTION_SAMPLES[fn][key](h);
    const openid = allowedCaller(fn, key);
    const before = h.snapshot();
    const at = h.clock.now().toISOString();
    const audits = (snap: Snapshot) => (snap[AUDIT] ?? []).length - (before[AUDIT] ?? []).length;

    const counting = countingStore(h.store);
    expect(await run(h, counting.store, fn, key, payload, openid)).toMatchObject({ ok: true });
    expect(audits(h.snapshot())).toBeGreaterThan(0);

    for (const point of crashPoints(counting.calls())) {
      restore(h, before, at);
      await run(h, dyingStore(h.store, point), fn, key, payload, openid);
      const after = h.snapshot();
      const changed = withoutAudit(after) !== withoutAudit(before);
      expect({ point, changed, audited: audits(after) > 0 }).toEqual({ point, changed, audited: changed });
    }
  } finally {
    await h.close();
  }
});
