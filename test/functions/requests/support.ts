/** What the tests of this function share: a harness per test (the demo seed) and helpers bound to it. */
import type { RequestView } from '../../../cloudfunctions/core/app/requests/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../../support/harness';

/** A fresh harness for each test of the calling file, with helpers bound to it. */
export function useRequestsHarness() {
  const box: { h?: Harness } = {};
  beforeEach(async () => {
    box.h = await makeHarness();
  });
  afterEach(() => box.h?.close());
  const harness = (): Harness => {
    if (!box.h) throw new Error('no harness outside a test');
    return box.h;
  };

  const REQUEST = {
    category: 'environment',
    title: '6栋楼道堆放杂物',
    description: '6栋一单元楼道长期堆放纸箱和旧家具，堵住了消防通道。',
    compoundId: DEMO.compound1,
  };

  async function submit(patch: Record<string, unknown> = {}, openid = 'demo-resident'): Promise<string> {
    const r = await harness().call<{ requestId: string }>('requests', 'submit', { ...REQUEST, ...patch }, openid);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data.requestId;
  }

  async function must<T = RequestView>(action: string, data: Record<string, unknown>, openid: string): Promise<T> {
    const r = await harness().call<T>('requests', action, data, openid);
    if (!r.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(r.error)}`);
    return r.data;
  }

  async function accepted(patch: Record<string, unknown> = {}, accept: Record<string, unknown> = {}): Promise<string> {
    const requestId = await submit(patch);
    await must('accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'], ...accept }, 'demo-rc');
    return requestId;
  }

  async function resolved(patch: Record<string, unknown> = {}): Promise<string> {
    const requestId = await accepted(patch);
    await must('update', { requestId, status: 'in_progress', note: '已安排人员' }, 'demo-property');
    await must('update', { requestId, status: 'resolved', note: '已清理完毕' }, 'demo-property');
    return requestId;
  }

  const get = (requestId: string, openid = 'demo-resident') => must('get', { requestId }, openid);

  /** Asserts the call fails with `code` (and `reason`) and changes nothing in the database. */
  async function refuses(action: string, data: Record<string, unknown>, openid: string | null, code: string, reason?: string) {
    const before = harness().snapshot();
    const r = await harness().call('requests', action, data, openid);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    if (reason && !r.ok) expect(r.error.reason).toBe(reason);
    expect(harness().snapshot()).toEqual(before);
    return r;
  }

  return {
    get h(): Harness {
      return harness();
    },
    REQUEST,
    submit,
    must,
    accepted,
    resolved,
    get,
    refuses,
  };
}
