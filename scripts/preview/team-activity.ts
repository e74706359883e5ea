// The gallery's team activity: the red team's leader (demo-volunteer) publishes one three days
// ahead, so 我的团队 and the roster show a team's activity. On the empty backend there is no team:
// nothing is made and the page shows its empty state.
import type { BackendCall } from './pages';

const DAY = 86_400_000;

export async function teamActivityQuery(call: BackendCall): Promise<Record<string, string>> {
  const start = Date.now() + 3 * DAY;
  const r = await call(
    'volunteer',
    'createActivity',
    {
      communityId: 'cm_hongxing',
      teamId: 'team_demo_red',
      title: '红星志愿服务队 楼道清洁',
      category: 'environment',
      description: '清理楼道杂物，张贴消防通道提示。',
      location: '江津花园 6栋',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * 3_600_000).toISOString(),
      capacity: 10,
    },
    'volunteer',
  );
  return r.ok ? { activityId: (r.data as { activityId: string }).activityId } : {};
}
