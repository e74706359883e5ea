// messages: the message centre (消息) and subscribe messages (API.md §6).
import type { ApiResult, MessageItem, Page, SubscribeTemplates } from '../../typings/api';
import { call } from './transport';

/** 我的消息，最新的在前 */
export function list(cursor?: string): Promise<ApiResult<Page<MessageItem>>> {
  return call<Page<MessageItem>>('messages', 'list', cursor ? { cursor } : {});
}

/** 未读消息数 */
export function unread(): Promise<ApiResult<{ count: number }>> {
  return call<{ count: number }>('messages', 'unread');
}

/** 标为已读（不传则全部已读） */
export function markRead(messageIds?: string[]): Promise<ApiResult<{ marked: number }>> {
  return call<{ marked: number }>('messages', 'markRead', messageIds ? { messageIds } : {});
}

/** 各操作时可请求订阅的消息模板 */
export function templates(): Promise<ApiResult<SubscribeTemplates>> {
  return call<SubscribeTemplates>('messages', 'templates');
}

/** 记录用户在订阅弹窗中接受的消息类型 */
export function subscribe(accepted: string[]): Promise<ApiResult<{ recorded: number }>> {
  return call<{ recorded: number }>('messages', 'subscribe', { accepted });
}
