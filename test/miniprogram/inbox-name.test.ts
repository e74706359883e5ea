// The staff inbox has one name, 诉求待办, wherever a person meets it: its page title, the cells of 我的
// and of the workbench that open it, and the 诉求 tab's button (tapped in requests/tab.test.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MINE_ENTRIES } from '../../miniprogram/pages/mine/entries';
import { STAFF_ENTRIES } from '../../miniprogram/staff/workbench/entries';
import { MINIPROGRAM_ROOT } from './harness';

const INBOX = '/staff/requests/inbox/index';
const NAME = '诉求待办';

test('the inbox page is titled 诉求待办', () => {
  const json = JSON.parse(readFileSync(resolve(MINIPROGRAM_ROOT, 'staff/requests/inbox/index.json'), 'utf8')) as {
    navigationBarTitleText: string;
  };
  expect(json.navigationBarTitleText).toBe(NAME);
});

test('every cell that opens the inbox says 诉求待办', () => {
  const titles = [...MINE_ENTRIES, ...STAFF_ENTRIES].filter((e) => e.url === INBOX).map((e) => e.title);
  expect(titles).toEqual([NAME, NAME]);
});
