/**
 * Categories of service needs (RULES.md §7, 需求清单): general (一般服务) and professional (专业服务).
 * The defaults live here, once; a community may replace the list of either kind through its rules
 * (`community.rules.needCategories`). Pure: no I/O.
 */

/** The two kinds of service a community asks for. */
export type NeedKind = 'general' | 'professional';
export const NEED_KINDS = ['general', 'professional'] as const satisfies readonly NeedKind[];

export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  general: '一般服务',
  professional: '专业服务',
};

/** One category: a stable key stored on the need and the label people read. */
export interface NeedCategory {
  key: string;
  label: string;
}

export type NeedCategories = Record<NeedKind, NeedCategory[]>;

/** The category a resident's small wish (微心愿) is filed under until staff reclassify it. */
export const WISH_CATEGORY = 'micro_wish';

/** The default categories, after the kinds of service Jingzhou's reported members did. */
export const DEFAULT_NEED_CATEGORIES: NeedCategories = {
  general: [
    { key: 'elder_care', label: '助老助残' },
    { key: 'child_care', label: '关爱未成年人' },
    { key: 'environment', label: '环境整治' },
    { key: 'civility', label: '文明宣传' },
    { key: 'neighbour_help', label: '邻里互助' },
    { key: 'safety_patrol', label: '平安巡逻' },
    { key: WISH_CATEGORY, label: '微心愿' },
  ],
  professional: [
    { key: 'legal', label: '法律咨询' },
    { key: 'medical', label: '医疗健康' },
    { key: 'counseling', label: '心理疏导' },
    { key: 'education', label: '教育辅导' },
    { key: 'repair', label: '家电维修' },
    { key: 'policy', label: '政策宣讲' },
  ],
};

/** The categories in force: the defaults, each kind replaced where the community's rules give one. */
export function needCategoriesFor(override?: Partial<NeedCategories> | null): NeedCategories {
  return {
    general: override?.general?.length ? override.general : DEFAULT_NEED_CATEGORIES.general,
    professional: override?.professional?.length ? override.professional : DEFAULT_NEED_CATEGORIES.professional,
  };
}

/** The label of a category of that kind, or null when the community does not offer it. */
export function needCategoryLabel(categories: NeedCategories, kind: NeedKind, key: string): string | null {
  return categories[kind].find((c) => c.key === key)?.label ?? null;
}
