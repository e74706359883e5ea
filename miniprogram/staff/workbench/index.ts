// 社区工作台 (staff subpackage): the entry of the community staff pages (entries.ts).
import { pageBehavior } from '../../behaviors/page';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { STAFF_ENTRIES } from './entries';

Component({
  behaviors: [pageBehavior],

  data: { pageStyle: '', entries: STAFF_ENTRIES },
  lifetimes: {
    attached() {},
  },
  methods: {
    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
