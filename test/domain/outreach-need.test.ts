import {
  claimRefusal,
  completeRefusal,
  confirmRefusal,
  reviewRefusal,
  statusAfterConfirm,
  thankRefusal,
  type NeedStatus,
} from '../../cloudfunctions/core/domain/outreach-need';

describe('claiming a need', () => {
  test.each([
    ['an open need with a slot left is claimed', 'open', 1, null],
    ['a wish under review is not', 'pending_review', 1, 'NEED_PENDING_REVIEW'],
    ['a rejected wish is not', 'rejected', 1, 'NEED_REJECTED'],
    ['a need done is not', 'done', 0, 'NEED_DONE'],
    ['an open need with every slot taken is full', 'open', 0, 'NEED_FULL'],
  ] as const)('%s', (_name, status: NeedStatus, openSlots, reason) => {
    expect(claimRefusal({ status, openSlots })?.reason ?? null).toBe(reason);
  });
});

describe('a claim moves claimed → completed (by the claimant) → confirmed (by staff)', () => {
  test.each([
    ['claimed', null, 'NOT_COMPLETED'],
    ['completed', 'ALREADY_COMPLETED', null],
    ['confirmed', 'ALREADY_COMPLETED', 'ALREADY_CONFIRMED'],
  ] as const)('a %s claim: complete → %s, confirm → %s', (status, complete, confirm) => {
    expect(completeRefusal({ status })?.reason ?? null).toBe(complete);
    expect(confirmRefusal({ status })?.reason ?? null).toBe(confirm);
  });

  test('confirming before completion is INVALID_STATE', () => {
    expect(confirmRefusal({ status: 'claimed' })?.code).toBe('INVALID_STATE');
  });

  test.each([
    [0, 1, 'open'],
    [1, 1, 'done'],
    [2, 3, 'open'],
    [3, 3, 'done'],
  ] as const)('%i of %i slots confirmed: the need is %s', (done, slots, status) => {
    expect(statusAfterConfirm(done, slots)).toBe(status);
  });
});

describe('reviewing and thanking a wish', () => {
  test.each([
    ['a wish under review is reviewed', { source: 'wish', status: 'pending_review' }, null],
    ['a published need is not a wish', { source: 'community', status: 'open' }, 'NOT_A_WISH'],
    ['a wish already published is reviewed once', { source: 'wish', status: 'open' }, 'ALREADY_REVIEWED'],
  ] as const)('%s', (_name, need, reason) => {
    expect(reviewRefusal(need)?.reason ?? null).toBe(reason);
  });

  const wish = { source: 'wish', requesterId: 'u1', doneCount: 1, thanked: false } as const;
  test.each([
    ['the resident who asked thanks once a service is confirmed', wish, 'u1', null],
    ['someone else may not', wish, 'u2', 'NOT_REQUESTER'],
    ['a published need has no resident to thank', { ...wish, source: 'community', requesterId: null }, 'u1', 'NOT_REQUESTER'],
    ['not before a service is confirmed', { ...wish, doneCount: 0 }, 'u1', 'NOT_DONE'],
    ['not twice', { ...wish, thanked: true }, 'u1', 'ALREADY_THANKED'],
  ] as const)('%s', (_name, need, caller, reason) => {
    expect(thankRefusal(need, caller)?.reason ?? null).toBe(reason);
  });
});
