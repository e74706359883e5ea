/**
 * Renders docs/SUBSCRIBE-TEMPLATES.md from the message table (cloudfunctions/core/app/messages/
 * templates.ts). test/docs/subscribe-templates.test.ts fails when the file and the table differ;
 * `npm run docs:templates` rewrites the file.
 */
import { MESSAGE_TEMPLATES, SUBSCRIBE_MOMENTS, TEMPLATE_KEYS } from '../../cloudfunctions/core/app/messages/templates';

const MOMENT_TAPS: Record<keyof typeof SUBSCRIBE_MOMENTS, string> = {
  signup: '志愿活动「报名」',
  submitRequest: '诉求「提交」',
  followRequest: '诉求「关注」',
  register: '注册「提交」',
  handleRequest: '工作台诉求「受理」',
  vote: '业主表决「确认投票」',
  wish: '微心愿「提交」',
  claimNeed: '需求详情「认领」',
  publishActivity: '发布志愿活动「发布活动」',
};

export function renderSubscribeTemplates(): string {
  const lines = [
    '# Subscribe-message templates',
    '',
    '<!-- Generated from cloudfunctions/core/app/messages/templates.ts by `npm run docs:templates`; a test checks it. Do not edit by hand. -->',
    '',
    'Every message kind lands in the recipient’s message centre (消息). It also goes out as a WeChat',
    'subscribe message when (1) its template id is configured and (2) the person accepted that template',
    'at the tap that asks for it. To configure: in the WeChat admin console (订阅消息 → 公共模板库) pick, for',
    'each kind you want to send, a template with the keywords below (same types; the field numbers may',
    'differ — then choose the template whose numbers match or ask WeChat for the keyword list), and set',
    '`SUBSCRIBE_TEMPLATES` on the `messages` and `scheduler` functions to a JSON object of kind → template id:',
    '',
    '```json',
    '{ "volunteer_promoted": "<template id>", "activity_reminder": "<template id>", "request_status": "<template id>" }',
    '```',
    '',
    'Unknown kinds stop the function at start (a typo would otherwise silently send nothing). Field',
    'values are cut to WeChat’s limits (`thing` 20 characters, `phrase` 5) and times sent as',
    '`2026年11月28日 14:00`. A send WeChat refuses is retried after 1, 10 and 60 minutes (errcode −1,',
    '43101, 43108, 45009), at most 3 times; others (40003, 47003, …) and timeouts are not retried, and',
    'no message is ever sent twice.',
    '',
    '## Message kinds',
    '',
    '| kind | message centre title | recipients | WeChat template (公共模板库) | fields: our key → WeChat keyword |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const key of TEMPLATE_KEYS) {
    const t = MESSAGE_TEMPLATES[key];
    const fields = Object.entries(t.fields)
      .map(([ours, f]) => `\`${ours}\` → \`${f.wx}\` ${f.label}`)
      .join('<br>');
    lines.push(`| \`${key}\` | ${t.title} | ${t.recipients} | ${t.wxTitle} | ${fields} |`);
  }
  lines.push('', '## When the mini-program asks', '', '| tap | moment | kinds asked for |', '| --- | --- | --- |');
  for (const [moment, keys] of Object.entries(SUBSCRIBE_MOMENTS) as Array<[keyof typeof SUBSCRIBE_MOMENTS, readonly string[]]>) {
    lines.push(`| ${MOMENT_TAPS[moment]} | \`${moment}\` | ${keys.map((k) => `\`${k}\``).join(', ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
