import { requestKpis, type KpiFacts } from '../../cloudfunctions/core/domain/request-kpis';

const NOW = new Date('2026-11-20T01:00:00.000Z');
const H = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * H).toISOString();

const base: KpiFacts = {
  status: 'submitted',
  createdAt: ago(1),
  acceptedAt: null,
  closedAt: null,
  dueAt: ago(-10),
  resolvedAt: null,
  rating: null,
};
const req = (patch: Partial<KpiFacts>): KpiFacts => ({ ...base, ...patch });

describe('request KPIs', () => {
  test('are null with no requests', () => {
    expect(requestKpis([], NOW)).toEqual({
      total: 0,
      open: 0,
      overdue: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
    });
  });

  test.each([
    ['accepted within 24 h counts as responded', [req({ createdAt: ago(30), acceptedAt: ago(10) })], 1],
    ['accepted after 24 h does not', [req({ createdAt: ago(30), acceptedAt: ago(2) })], 0],
    ['refused with a reason within 24 h counts', [req({ status: 'rejected', createdAt: ago(30), closedAt: ago(20) })], 1],
    ['unanswered after 24 h is a miss', [req({ createdAt: ago(25) })], 0],
    ['unanswered within 24 h is not counted yet', [req({ createdAt: ago(2) })], null],
    ['withdrawn is not counted', [req({ status: 'withdrawn', createdAt: ago(48) })], null],
  ])('response rate: %s', (_name, requests, expected) => {
    expect(requestKpis(requests, NOW).responseRate).toBe(expected);
  });

  test('resolution rate is resolved or closed after resolution among accepted', () => {
    const k = requestKpis(
      [
        req({ status: 'resolved', acceptedAt: ago(5), resolvedAt: ago(1) }),
        req({ status: 'closed', acceptedAt: ago(5), resolvedAt: ago(2) }),
        req({ status: 'in_progress', acceptedAt: ago(5) }),
        req({ status: 'reopened', acceptedAt: ago(5) }),
        req({ status: 'rejected', closedAt: ago(1) }),
      ],
      NOW,
    );
    expect(k.resolutionRate).toBe(0.5);
  });

  test('satisfaction counts scores of 4 and up among rated, not requests closed without feedback', () => {
    const k = requestKpis(
      [
        req({ status: 'closed', rating: { score: 5 } }),
        req({ status: 'closed', rating: { score: 4 } }),
        req({ status: 'closed', rating: { score: 3 } }),
        req({ status: 'closed', rating: null }),
      ],
      NOW,
    );
    expect(k.satisfactionRate).toBe(0.6667);
  });

  test('counts open and overdue requests', () => {
    const k = requestKpis(
      [
        req({ status: 'in_progress', dueAt: ago(1) }),
        req({ status: 'assigned' }),
        req({ status: 'resolved', dueAt: ago(1) }),
        req({ status: 'closed' }),
      ],
      NOW,
    );
    expect([k.total, k.open, k.overdue]).toEqual([4, 2, 1]);
  });
});
