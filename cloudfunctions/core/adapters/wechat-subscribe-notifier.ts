import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';
import { OUTBOX, OutboxNotifier, type OutboxEntry } from './outbox-notifier';
import type { WxOpenApiCaller } from './wechat-content-check';

/** A subscribe-message template: its id and which template field carries each of our data keys. */
export interface SubscribeTemplate {
  id: string;
  /** Our data key → the template's field name, e.g. { title: 'thing1', startAt: 'time2' }. */
  fields: Record<string, string>;
  /** Mini-program page the message opens. */
  page?: string;
}

/** WeChat caps `thing` fields at 20 characters. */
const MAX_FIELD = 20;
const BATCH = 50;

/**
 * The production Notifier: queues in the outbox like the local one, and `flush` (run by the
 * scheduler) sends queued entries as subscribe messages. An entry moves queued → sent/failed with
 * a conditional update, so two overlapping ticks never send one entry twice.
 */
export class WeChatSubscribeNotifier extends OutboxNotifier {
  constructor(
    store: Store,
    clock: Clock,
    private readonly app: WxOpenApiCaller,
    private readonly templates: Record<string, SubscribeTemplate>,
    private readonly logger: Logger,
  ) {
    super(store, clock);
  }

  async flush(): Promise<number> {
    const queued = await this.store.find<OutboxEntry>(OUTBOX, { state: 'queued' }, { orderBy: [['createdAt', 'asc']], limit: BATCH });
    let sent = 0;
    for (const entry of queued) {
      const template = this.templates[entry.template];
      if (!template) {
        // No template configured for this kind: it stays in the user's in-app inbox only.
        await this.store.update(OUTBOX, entry._id, { $set: { state: 'failed', error: 'no_template' } }, { state: 'queued' });
        continue;
      }
      const claimed = await this.store.update(OUTBOX, entry._id, { $set: { state: 'sending' } }, { state: 'queued' });
      if (!claimed) continue;
      const user = await this.store.get<{ _id: string; openid: string }>('users', entry.userId);
      const data: Record<string, { value: string }> = {};
      for (const [key, field] of Object.entries(template.fields)) data[field] = { value: (entry.data[key] ?? '').slice(0, MAX_FIELD) };
      try {
        if (!user) throw new Error('recipient not found');
        const res = await this.app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: user.openid,
            template_id: template.id,
            page: template.page,
            data,
            miniprogram_state: 'formal',
            lang: 'zh_CN',
          },
        });
        const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as { errcode?: number } | undefined;
        // 43101: the user has not accepted this template (or used up the acceptance) — not retried.
        if ((body?.errcode ?? 0) !== 0) throw new Error(`subscribeMessage.send errcode ${body?.errcode}`);
        await this.store.update(OUTBOX, entry._id, { $set: { state: 'sent' } });
        sent++;
      } catch (err) {
        this.logger.info(`notification ${entry._id} not delivered`, err instanceof Error ? err.message : err);
        await this.store.update(OUTBOX, entry._id, { $set: { state: 'failed' } });
      }
    }
    return sent;
  }
}

/** Reads the template map from SUBSCRIBE_TEMPLATES (JSON); empty when unset. */
export function templatesFromEnv(raw: string | undefined): Record<string, SubscribeTemplate> {
  if (!raw) return {};
  return JSON.parse(raw) as Record<string, SubscribeTemplate>;
}
