/**
 * Every kind of message (RULES.md §8) in one typed table: what the message centre shows, which
 * data fields each kind carries, and the WeChat subscribe-message field each one fills.
 *
 * The table is the single source of docs/SUBSCRIBE-TEMPLATES.md (scripts/subscribe-templates.mjs
 * writes it; a test checks it matches), of the deploy-time template map (SUBSCRIBE_TEMPLATES only
 * gives WeChat's template ids) and of what the mini-program asks people to subscribe to.
 */

import type { MessageKind } from '../../domain/message-kinds';

/** WeChat's subscribe-message field types we use, with their limits (WeChat's documentation). */
export type WxFieldType = 'thing' | 'time' | 'phrase' | 'character_string';

/** The most characters WeChat accepts per field type (`time` is formatted by us). */
export const WX_FIELD_MAX: Record<WxFieldType, number> = { thing: 20, time: 20, phrase: 5, character_string: 32 };

export interface TemplateField {
  /** The template keyword's field name in WeChat's template, e.g. `thing1`. */
  wx: string;
  type: WxFieldType;
  /** The keyword's name in WeChat's template library, for whoever picks the template. */
  label: string;
}

export interface MessageTemplate {
  /** Heading in the message centre. */
  title: string;
  /** Who gets it, for the docs. */
  recipients: string;
  /** WeChat library template to choose when deploying (its title in 公共模板库). */
  wxTitle: string;
  /** Our data key → its WeChat field. Every message of this kind carries these keys. */
  fields: Record<string, TemplateField>;
}

const thing = (wx: string, label: string): TemplateField => ({ wx, type: 'thing', label });
const time = (wx: string, label: string): TemplateField => ({ wx, type: 'time', label });
const phrase = (wx: string, label: string): TemplateField => ({ wx, type: 'phrase', label });

const activityFields = {
  title: thing('thing1', '活动名称'),
  time: time('time2', '活动时间'),
  location: thing('thing3', '活动地点'),
  note: thing('thing4', '温馨提示'),
};

const requestFields = {
  title: thing('thing1', '事项名称'),
  status: phrase('phrase2', '办理状态'),
  note: thing('thing3', '备注'),
};

const needFields = {
  title: thing('thing1', '服务内容'),
  status: phrase('phrase2', '服务状态'),
  note: thing('thing3', '备注'),
};

export const MESSAGE_TEMPLATES = {
  volunteer_promoted: {
    title: '候补成功',
    recipients: '候补转正的志愿者',
    wxTitle: '活动报名成功通知',
    fields: activityFields,
  },
  volunteer_dropped: {
    title: '候补已取消',
    recipients: '因时间冲突未能转正的候补志愿者',
    wxTitle: '活动报名结果通知',
    fields: activityFields,
  },
  activity_reminder: {
    title: '活动即将开始',
    recipients: '已确认参加的志愿者（开始前 24 小时与 2 小时）',
    wxTitle: '活动开始提醒',
    fields: activityFields,
  },
  activity_cancelled: {
    title: '活动已取消',
    recipients: '已报名（含候补）的志愿者',
    wxTitle: '活动取消通知',
    fields: activityFields,
  },
  volunteer_missing_checkout: {
    title: '有志愿者未签退',
    recipients: '活动结束时仍有人已签到未签退：发布活动的人（仍负责该活动时）；服务队的活动另送现任队长',
    wxTitle: '活动签到提醒',
    fields: activityFields,
  },
  request_status: {
    title: '诉求进展',
    recipients: '提交诉求的居民（受理、不予受理、办理中、已办结、协调不予办理、自动关闭）',
    wxTitle: '事项进度通知',
    fields: { ...requestFields, time: time('time4', '更新时间') },
  },
  request_followed_resolved: {
    title: '关注的诉求已办结',
    recipients: '关注（附议）该诉求的居民',
    wxTitle: '事项办结通知',
    fields: requestFields,
  },
  request_assigned: {
    title: '新的诉求待办理',
    recipients: '牵头方与协办方（重大事项：居委会、业委会、物业三方）',
    wxTitle: '待办事项提醒',
    fields: { ...requestFields, dueAt: time('time4', '办理期限') },
  },
  request_decision_needed: {
    title: '重大事项待表态',
    recipients: '重大事项三方（居委会、业委会、物业）',
    wxTitle: '待办事项提醒',
    fields: { ...requestFields, dueAt: time('time4', '办理期限') },
  },
  request_objection: {
    title: '重大事项有异议',
    recipients: '社区党组织（召集联席会议）',
    wxTitle: '待办事项提醒',
    fields: requestFields,
  },
  request_cleared: {
    title: '重大事项三方同意',
    recipients: '牵头方与协办方',
    wxTitle: '待办事项提醒',
    fields: requestFields,
  },
  request_meeting_outcome: {
    title: '联席会议结果',
    recipients: '居委会、业委会、物业三方',
    wxTitle: '事项进度通知',
    fields: { ...requestFields, outcome: phrase('phrase4', '处理结果') },
  },
  request_reopened: {
    title: '诉求重新办理',
    recipients: '牵头方与协办方',
    wxTitle: '待办事项提醒',
    fields: { ...requestFields, dueAt: time('time4', '办理期限') },
  },
  request_escalated: {
    title: '诉求已超期',
    recipients: '牵头方与社区党组织',
    wxTitle: '事项超时提醒',
    fields: { ...requestFields, dueAt: time('time4', '办理期限') },
  },
  account_approved: {
    title: '注册审核通过',
    recipients: '通过审核的居民',
    wxTitle: '审核结果通知',
    fields: { title: thing('thing1', '审核事项'), status: phrase('phrase2', '审核结果'), note: thing('thing3', '备注') },
  },
  wish_reviewed: {
    title: '微心愿审核结果',
    recipients: '提出微心愿的居民',
    wxTitle: '审核结果通知',
    fields: needFields,
  },
  need_claimed: {
    title: '微心愿已有人认领',
    recipients: '提出微心愿的居民',
    wxTitle: '服务进度通知',
    fields: needFields,
  },
  need_confirmed: {
    title: '服务已确认完成',
    recipients: '完成服务的报到党员；提出微心愿的居民',
    wxTitle: '服务完成通知',
    fields: needFields,
  },
  need_thanked: {
    title: '居民致谢',
    recipients: '为微心愿提供服务的报到党员',
    wxTitle: '服务评价通知',
    fields: needFields,
  },
  'ratings.black_list': {
    title: '物业服务黑榜',
    recipients: '被列入黑榜的物业所服务小区的居民与业委会委员',
    wxTitle: '评议结果通知',
    fields: {
      title: thing('thing1', '评议名称'),
      firm: thing('thing2', '物业企业'),
      compound: thing('thing3', '小区'),
      note: thing('thing4', '备注'),
    },
  },
  'owners.motion': {
    title: '业主表决',
    recipients: '小区业主（公告、开始表决、公布结果）；公告与结果另送小区党组织、社区党组织和居委会',
    wxTitle: '投票提醒',
    fields: {
      title: thing('thing1', '投票主题'),
      matter: thing('thing2', '事项类型'),
      note: thing('thing3', '温馨提示'),
      time: time('time4', '时间'),
    },
  },
} as const satisfies Record<MessageKind, MessageTemplate>;

/** A message kind (domain/message-kinds.ts): the table has exactly these keys. */
export type TemplateKey = MessageKind;

export const TEMPLATE_KEYS = Object.keys(MESSAGE_TEMPLATES) as TemplateKey[];

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.prototype.hasOwnProperty.call(MESSAGE_TEMPLATES, key);
}

/**
 * The taps at which the mini-program asks to subscribe (never on page load), and the templates
 * each asks for — at most 3, WeChat's limit per `wx.requestSubscribeMessage`.
 */
export const SUBSCRIBE_MOMENTS = {
  /** 报名 (volunteer signup). */
  signup: ['activity_reminder', 'volunteer_promoted', 'activity_cancelled'],
  /** 提交诉求. */
  submitRequest: ['request_status'],
  /** 关注 (follow a public request). */
  followRequest: ['request_followed_resolved'],
  /** 提交注册. */
  register: ['account_approved'],
  /** Staff accepting or opening their inbox's work: new work, overdue. */
  handleRequest: ['request_assigned', 'request_escalated', 'request_decision_needed'],
  /** 投票 (an owner's ballot): the result of the motion. */
  vote: ['owners.motion'],
  /** 提交微心愿. */
  wish: ['wish_reviewed', 'need_claimed', 'need_confirmed'],
  /** 认领需求 (a reported party member). */
  claimNeed: ['need_confirmed', 'need_thanked'],
  /** 发布活动 (staff or a team's leader): volunteers left checked in after the end. */
  publishActivity: ['volunteer_missing_checkout'],
} as const satisfies Record<string, readonly TemplateKey[]>;

export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;
