/** What the outreach function tests share: confirmed party members and a published need. */
import type { UserDoc } from '../../../cloudfunctions/core/app/account/user';
import type { NeedSummary, ReportView } from '../../../cloudfunctions/core/app/outreach/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { must } from '../../support/action-samples';
import type { Harness } from '../../support/harness';

export const NEED = {
  communityId: DEMO.communityId,
  kind: 'general',
  category: 'elder_care',
  title: '帮独居老人买菜',
  text: '每周一次，帮 6 栋的独居老人买菜。',
};

/** `n` party members of city units, registered in the demo community, reported in and confirmed. */
export async function confirmedMembers(
  h: Harness,
  n: number,
  unit = (i: number) => (i % 2 ? '荆州市财政局' : '荆州市教育局'),
): Promise<string[]> {
  const at = h.clock.now().toISOString();
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `cadre-${i}`;
    const user: UserDoc = {
      _id: h.userId(openid),
      openid,
      name: `党员${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      communityId: DEMO.communityId,
      compoundId: DEMO.compound1,
      building: '',
      room: '',
      status: 'active',
      roles: [],
      isPartyMember: true,
      createdAt: at,
      updatedAt: at,
    };
    await h.store.insert('users', user);
    const r = await must<ReportView>(
      h,
      'outreach',
      'report',
      { communityId: DEMO.communityId, unitName: unit(i), branchName: '机关党支部', kind: 'paired' },
      openid,
    );
    await must(h, 'outreach', 'confirmReport', { reportId: r.reportId }, 'demo-party');
    openids.push(openid);
  }
  return openids;
}

export async function publish(h: Harness, patch: Record<string, unknown> = {}): Promise<string> {
  const n = await must<NeedSummary>(h, 'outreach', 'publishNeed', { ...NEED, ...patch }, 'demo-rc');
  return n.needId;
}
