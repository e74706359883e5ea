// messages: the message centre (消息) and subscribe messages (API.md §6).
import type { CommonReason } from '../../cloudfunctions/core/app/reasons';
import type { ApiResult, MessageItem, Page, SubscribeTemplates } from '../../typings/api';
import { functionCaller } from './transport';

/** An answer of the messages function. */
export type Result<T> = ApiResult<T, CommonReason>;

const messagesCall = functionCaller<CommonReason>('messages');

/** 我的消息，最新的在前 */
export function list(cursor?: string): Promise<Result<Page<MessageItem>>> {
  return messagesCall('list', cursor ? { cursor } : {});
}

/** 未读消息数 */
export function unread(): Promise<Result<{ count: number }>> {
  return messagesCall('unread');
}

/** 标为已读（不传则全部已读） */
export function markRead(messageIds?: string[]): Promise<Result<{ marked: number }>> {
  return messagesCall('markRead', messageIds ? { messageIds } : {});
}

/** 各操作时可请求订阅的消息模板 */
export function templates(): Promise<Result<SubscribeTemplates>> {
  return messagesCall('templates');
}

/** 记录用户在订阅弹窗中接受的消息类型 */
export function subscribe(accepted: string[]): Promise<Result<{ recorded: number }>> {
  return messagesCall('subscribe', { accepted });
}
