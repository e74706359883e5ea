import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import type { BallotExport } from '../../cloudfunctions/core/domain/owners-result';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, '../../scripts/verify-ballots.mjs');
const DAY = 24 * 3600 * 1000;

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await makeHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the script on an export; its exit code and output. */
async function verify(x: unknown): Promise<{ code: number; out: string }> {
  const file = path.join(dir, `x${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(x));
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, file]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

test('the verify script confirms a published result and catches a tampered export', async () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    building: '3栋',
    room: String(301 + i),
    area: `${90 + i}.25`,
    ownerName: `业主${i}`,
    ownerPhone: `1380000${String(i).padStart(4, '0')}`,
  }));
  expect((await h.call('owners', 'importRegister', { compoundId: DEMO.compound2, rows }, 'demo-oc3')).ok).toBe(true);
  const opensAt = new Date(h.clock.now().getTime() + 15 * DAY).toISOString();
  const closesAt = new Date(h.clock.now().getTime() + 20 * DAY).toISOString();
  const d = await h.call<{ motionId: string }>(
    'owners',
    'draft',
    {
      compoundId: DEMO.compound2,
      matter: 'committee_election',
      title: '增补业委会委员',
      text: '增补两名业委会委员',
      opensAt,
      closesAt,
      candidates: ['甲', '乙', '丙'],
      seats: 2,
    },
    'demo-oc3',
  );
  const motionId = d.ok ? d.data.motionId : '';
  expect((await h.call('owners', 'announce', { motionId }, 'demo-oc3')).ok).toBe(true);
  h.clock.set(opensAt);
  const marks = [['甲', '乙'], ['甲'], ['甲', '丙'], ['乙', '丙'], ['甲', '乙'], ['甲'], ['乙'], ['甲', '乙'], []];
  for (const [i, candidates] of marks.entries()) {
    const r = await h.call(
      'owners',
      'recordPaper',
      { motionId, building: '3栋', room: String(301 + i), candidates, photoFileId: 'local://uploads/abcdefgh12.jpg' },
      'demo-oc3',
    );
    expect(r.ok).toBe(true);
  }
  h.clock.set(closesAt);
  await tick(h.deps);
  const x = await h.call<BallotExport>('owners', 'exportBallots', { motionId }, 'demo-oc3');
  expect(x.ok && x.data.result).toMatchObject({ outcome: 'passed', elected: ['甲', '乙'] });
  const good = await verify(x);
  expect(good.code).toBe(0);
  expect(good.out).toMatch(/^OK/);

  const tampered = JSON.parse(JSON.stringify(x)) as { data: BallotExport };
  tampered.data.ballots[2].candidates = ['乙', '丙'];
  const bad = await verify(tampered);
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(/ballot 3: hash does not match/);

  const inflated = JSON.parse(JSON.stringify(x)) as { data: BallotExport };
  inflated.data.result.participating.number += 1;
  expect((await verify(inflated)).out).toMatch(/participating: published/);
  expect((await verify({ nothing: true })).code).toBe(2);
}, 60_000);
