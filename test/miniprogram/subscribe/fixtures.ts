/** The subscribe prompts of the tests: configured templates, and the person's answers. */
import type { SubscribeTemplates } from '../../../typings/api';
import { prepareSubscribe, resetSubscribe } from '../../../miniprogram/utils/subscribe';
import { ok } from '../fixtures';
import { mockBackend, type Answer, type MockBackend } from '../harness';
import { installWx } from '../wx-mock';

export const TEMPLATES: SubscribeTemplates = {
  moments: {
    signup: [
      { key: 'activity_reminder', id: 'T-REMIND' },
      { key: 'volunteer_promoted', id: 'T-PROMOTED' },
      { key: 'activity_cancelled', id: 'T-CANCELLED' },
    ],
    submitRequest: [{ key: 'request_status', id: 'T-STATUS' }],
    followRequest: [{ key: 'request_followed_resolved', id: 'T-FOLLOWED' }],
    register: [{ key: 'account_approved', id: 'T-APPROVED' }],
    handleRequest: [
      { key: 'request_assigned', id: 'T-ASSIGNED' },
      { key: 'request_escalated', id: 'T-ESCALATED' },
    ],
    vote: [{ key: 'owners.motion', id: 'T-MOTION' }],
    wish: [{ key: 'wish_reviewed', id: 'T-WISH' }],
    claimNeed: [{ key: 'need_confirmed', id: 'T-NEED-DONE' }],
    publishActivity: [{ key: 'volunteer_missing_checkout', id: 'T-MISSING-CHECKOUT' }],
  },
};

/** The person answers the prompt: accept or reject per template id. */
export function answerPrompt(answers: Record<string, 'accept' | 'reject'>): void {
  (wx.requestSubscribeMessage as unknown as jest.Mock).mockImplementation((o: { success?: (r: object) => void }) => {
    setTimeout(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', ...answers }), 0);
  });
}

/** The template ids of each prompt shown so far. */
export const prompts = (): string[][] =>
  (wx.requestSubscribeMessage as unknown as jest.Mock).mock.calls.map((c) => (c[0] as { tmplIds: string[] }).tmplIds);

/**
 * A fresh `wx`, no prompt asked yet, and a backend that serves TEMPLATES and records what was
 * accepted, besides the page's own `answers`; the templates are loaded before the test starts.
 */
export async function subscribeBackend(answers: Record<string, Answer> = {}): Promise<MockBackend> {
  installWx();
  resetSubscribe();
  const backend = mockBackend({
    'messages.templates': ok(TEMPLATES),
    'messages.subscribe': (data) => ok({ recorded: (data as { accepted: string[] }).accepted.length }),
    ...answers,
  });
  await prepareSubscribe();
  return backend;
}
