/**
 * docs/DEPLOY.md stays true to the code: its smoke call names every step of a scheduler tick, in
 * the order the tick runs them (the keys of the counts the scheduler answers).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEDULER_STEPS } from '../../cloudfunctions/core/app/scheduler/tick';

const deploy = readFileSync(path.resolve(__dirname, '../../docs/DEPLOY.md'), 'utf8');

test('the smoke call lists every scheduler step, in the tick’s order', () => {
  const sentence = /a count per step, in this order: ([^(]+)\(`SCHEDULER_STEPS`/.exec(deploy);
  expect(sentence).not.toBeNull();
  const listed = [...(sentence?.[1] ?? '').matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
  expect(listed).toEqual([...SCHEDULER_STEPS]);
});
