/** Categories of resident requests (API.md §5, `requests`). */
export type RequestCategory =
  'environment' | 'facilities' | 'safety' | 'parking' | 'greening' | 'noise' | 'property_service' | 'neighbor_dispute' | 'other';

export const REQUEST_CATEGORIES = [
  'environment',
  'facilities',
  'safety',
  'parking',
  'greening',
  'noise',
  'property_service',
  'neighbor_dispute',
  'other',
] as const satisfies readonly RequestCategory[];

export const CATEGORY_LABELS: Record<RequestCategory, string> = {
  environment: '环境卫生',
  facilities: '公共设施',
  safety: '安全隐患',
  parking: '停车',
  greening: '绿化',
  noise: '噪音',
  property_service: '物业服务',
  neighbor_dispute: '邻里纠纷',
  other: '其他',
};
