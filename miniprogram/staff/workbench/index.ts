// 社区工作台 (staff subpackage): the entry of the community staff pages (entries.ts).
import type { DatasetEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { STAFF_ENTRIES } from './entries';

Component({
  data: { pageStyle: '', entries: STAFF_ENTRIES },
  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
    },
  },
  methods: {
    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
