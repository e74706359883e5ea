import { MAX_SEND_ATTEMPTS, retryDelayMs } from '../domain/messages';
import { chinaTime } from '../domain/activity';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';
import { OUTBOX, type OutboxEntry } from '../app/messages/message';
import { acceptancesLeft, clearAcceptances, useAcceptance } from '../app/messages/subscriptions';
import { isTemplateKey, MESSAGE_TEMPLATES, WX_FIELD_MAX, type TemplateKey } from '../app/messages/templates';
import { OutboxNotifier } from './outbox-notifier';
import { callWx, WX_TIMEOUT_MS, WxTimeoutError, type WxOpenApiCaller } from './wx-openapi';
import { whole } from '../ports/store';

const BATCH = 50;

/** subscribeMessage.send errcodes worth another try later (WeChat's documentation). */
const RETRYABLE = new Set([
  -1, // system busy
  40001, // access_token invalid: CloudBase holds the token and renews it
  42001, // access_token expired: likewise
  43101, // the user has no acceptance left: a later acceptance (another tap) makes a retry succeed
  43108, // concurrency limit
  45009, // daily API call limit reached
]);

/** A WeChat subscribe-message field value: `thing` and the like cut to WeChat's limits, times as WeChat's format. */
export function fieldValue(type: keyof typeof WX_FIELD_MAX, value: string | undefined): string {
  const v = value ?? '';
  if (type === 'time') {
    // WeChat accepts "2026年11月28日 14:00"; we keep ISO or "YYYY-MM-DD HH:mm" and convert.
    const local = /^\d{4}-\d{2}-\d{2}T/.test(v) ? chinaTime(v) : v;
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(local);
    return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}` : local;
  }
  return [...v].slice(0, WX_FIELD_MAX[type]).join('') || '-';
}

/** The subscribe-message body of a stored message (WeChat's `data` object). */
export function wxData(key: TemplateKey, data: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [ours, field] of Object.entries(MESSAGE_TEMPLATES[key].fields)) out[field.wx] = { value: fieldValue(field.type, data[ours]) };
  return out;
}

/**
 * The production Notifier: stores each message like the local one, and `flush` (the scheduler's
 * last step) sends queued messages as subscribe messages — only kinds with a configured template
 * id, only to people with an unused acceptance of that template. Each send is claimed first
 * (queued → sending, a conditional update), so two overlapping ticks never send one message twice;
 * a send WeChat refused is retried with back-off, at most 3 times; a timeout is not retried (WeChat
 * may have delivered it).
 */
export class WeChatSubscribeNotifier extends OutboxNotifier {
  constructor(
    store: Store,
    clock: Clock,
    private readonly app: WxOpenApiCaller,
    templateIds: Record<string, string>,
    private readonly logger: Logger,
    retentionDays?: number,
    private readonly timeoutMs = WX_TIMEOUT_MS,
  ) {
    super(store, clock, retentionDays, templateIds);
  }

  async flush(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.store.find<OutboxEntry>(
      OUTBOX,
      { state: 'queued', nextAttemptAt: { $lte: now } },
      { orderBy: [['nextAttemptAt', 'asc']], limit: whole(BATCH) },
    );
    let sent = 0;
    for (const entry of due) if (await this.deliver(entry)) sent++;
    return sent;
  }

  private async settle(entry: OutboxEntry, from: 'queued' | 'sending', patch: Partial<OutboxEntry>): Promise<void> {
    await this.store.update(OUTBOX, entry._id, { $set: patch }, { state: from });
  }

  private async deliver(entry: OutboxEntry): Promise<boolean> {
    const id = this.ids[entry.template];
    if (!id || !isTemplateKey(entry.template)) {
      await this.settle(entry, 'queued', { state: 'skipped', error: 'no_template' });
      return false;
    }
    if ((await acceptancesLeft(this.store, entry.userId, entry.template)) <= 0) {
      await this.settle(entry, 'queued', { state: 'skipped', error: 'not_subscribed' });
      return false;
    }
    const attempts = (entry.attempts ?? 0) + 1;
    const claimed = await this.store.update(
      OUTBOX,
      entry._id,
      { $set: { state: 'sending', attempts } },
      { state: 'queued', attempts: entry.attempts ?? 0 },
    );
    if (!claimed) return false;
    const user = await this.store.get<{ _id: string; openid: string }>('users', entry.userId);
    if (!user) {
      await this.settle(entry, 'sending', { state: 'failed', error: 'no_recipient' });
      return false;
    }
    let errcode: number;
    try {
      const body = await callWx(
        this.app,
        '/cgi-bin/message/subscribe/send',
        {
          touser: user.openid,
          template_id: id,
          page: entry.link ? entry.link.replace(/^\//, '') : undefined,
          data: wxData(entry.template, entry.data),
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
        this.timeoutMs,
      );
      errcode = body ? (body.errcode ?? 0) : -1;
    } catch (err) {
      // No answer: WeChat may have delivered it, so it is never sent again.
      const why = err instanceof WxTimeoutError ? 'timeout' : 'call_failed';
      this.logger.info(`message ${entry._id} not confirmed`, why);
      await this.settle(entry, 'sending', { state: 'failed', error: why });
      return false;
    }
    if (errcode === 0) {
      await this.settle(entry, 'sending', { state: 'sent' });
      await useAcceptance(this.store, entry.userId, entry.template);
      return true;
    }
    this.logger.info(`message ${entry._id} refused`, `errcode ${errcode}`);
    if (errcode === 43101) await clearAcceptances(this.store, entry.userId, entry.template);
    const retry = RETRYABLE.has(errcode) && attempts < MAX_SEND_ATTEMPTS;
    const next = new Date(this.clock.now().getTime() + retryDelayMs(attempts)).toISOString();
    await this.settle(
      entry,
      'sending',
      retry ? { state: 'queued', nextAttemptAt: next, error: `errcode ${errcode}` } : { state: 'failed', error: `errcode ${errcode}` },
    );
    return false;
  }
}

/**
 * The template ids from SUBSCRIBE_TEMPLATES (JSON: `{ "<message kind>": "<template id>" }`; the
 * fields come from the table in app/messages/templates.ts). Unknown kinds are an error, so a typo
 * shows at the first call rather than as messages that never go out.
 */
export function templatesFromEnv(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  const ids: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!isTemplateKey(key)) throw new Error(`SUBSCRIBE_TEMPLATES: unknown message kind ${key}`);
    const id = typeof value === 'string' ? value : (value as { id?: unknown })?.id;
    if (typeof id !== 'string' || !id) throw new Error(`SUBSCRIBE_TEMPLATES: no template id for ${key}`);
    ids[key] = id;
  }
  return ids;
}
