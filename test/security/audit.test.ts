/**
 * The audit log is append-only: for every action (through its samples), called by every caller
 * and then again by those the matrix lets through (a repeat: a re-submitted rating sheet, a second
 * check-in…), the `audit` collection afterwards still holds every row it held before, byte for byte.
 */
import type { FunctionName } from '../../cloudfunctions/core/app/functions';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { AUDIT } from '../../cloudfunctions/core/app/audit';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import type { Harness } from '../support/harness';
import { AUTHZ_MATRIX, matches } from './authz-matrix';
import { CALLER_NAMES, CALLERS, makeWorld } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const TARGET_TYPES = ['user', 'volunteer', 'activity', 'signup', 'request', 'rating_sheet', 'rating_period', 'rating_serious_item', 'firm'];

function auditRows(h: Harness): Map<string, string> {
  const rows = h.store.db.prepare(`SELECT _id, data FROM "${AUDIT}"`).all() as Array<{ _id: string; data: string }>;
  return new Map(rows.map((r) => [r._id, r.data]));
}

/** Every id-like string in a payload, so the planted entries name the objects the action touches. */
function idsIn(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string' && /^[A-Za-z0-9_:.-]{1,64}$/.test(v)) out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => idsIn(x, out));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => idsIn(x, out));
  return out;
}

/** Plants entries about the payload's objects and the callers, as earlier actions would have left them. */
async function plant(h: Harness, payload: Payload): Promise<void> {
  const targets = [...idsIn(payload), ...CALLER_NAMES.flatMap((c) => (CALLERS[c] ? [h.userId(CALLERS[c] as string)] : []))];
  let n = 0;
  for (const targetId of targets) {
    for (const targetType of TARGET_TYPES) {
      await h.store.insert(AUDIT, {
        _id: `aud_planted_${String(n++).padStart(4, '0')}`,
        at: '2026-11-01T00:00:00.000Z',
        actorId: h.userId('demo-rc'),
        action: 'planted.entry',
        targetType,
        targetId,
        detail: { note: '之前的记录', version: 1 },
      });
    }
  }
}

test('every action has a sample, so none escapes this check', () => {
  const missing = FUNCTION_NAMES.flatMap((fn) =>
    Object.keys(FUNCTIONS[fn])
      .filter((a) => !ACTION_SAMPLES[fn][a])
      .map((a) => `${fn}.${a}`),
  );
  expect(missing).toEqual([]);
});

for (const fn of FUNCTION_NAMES) {
  describe(fn, () => {
    test.each(Object.keys(ACTION_SAMPLES[fn]))('%s edits and deletes no audit entry', async (key) => {
      const h = await makeWorld();
      try {
        const payload = await ACTION_SAMPLES[fn][key](h);
        await plant(h, payload);
        const allowed = CALLER_NAMES.filter((c) => {
          const cell = AUTHZ_MATRIX[fn]?.[key]?.[c];
          return cell !== undefined && matches(cell, 'ok');
        });
        let seen = auditRows(h);
        expect(seen.size).toBeGreaterThan(0);
        const problems: string[] = [];
        for (const caller of [...CALLER_NAMES, ...allowed]) {
          await h.call(fn, actionOf(key), payload, CALLERS[caller]);
          const now = auditRows(h);
          for (const [id, data] of seen) {
            if (!now.has(id)) problems.push(`as ${caller}: deleted ${id}`);
            else if (now.get(id) !== data) problems.push(`as ${caller}: changed ${id}`);
          }
          seen = now;
        }
        expect(problems).toEqual([]);
      } finally {
        await h.close();
      }
    });
  });
}
