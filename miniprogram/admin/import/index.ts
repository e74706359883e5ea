// 导入表格 (admin subpackage): the admin chooses an .xlsx or .csv from a chat, it is uploaded and
// admin.importStructure reads it — all or nothing: either what it created, or each bad line with
// its reason (nothing created then).
import type { ImportResult } from '../../../typings/admin';
import { pageBehavior } from '../../behaviors/page';
import * as admin from '../service';
import { uploadFile } from '../../pages/requests/photos';
import { failureText } from '../shared';

/** The columns a sheet has, as the page explains them. */
const COLUMNS = '区、街道、社区、小区、楼栋、人口';

function chooseSheet(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx', 'csv'],
      success: (r) => resolve(r.tempFiles[0]?.path ?? null),
      fail: () => resolve(null),
    });
  });
}

Component({
  behaviors: [pageBehavior],

  data: {
    columns: COLUMNS,
    busy: false,
    error: '',
    result: null as ImportResult | null,
    createdText: '',
  },

  methods: {
    async onChoose() {
      if (this.data.busy) return;
      const path = await chooseSheet();
      if (!path) return;
      this.setData({ busy: true, error: '', result: null });
      let fileId: string;
      try {
        fileId = await uploadFile(path, 'imports', '表格');
      } catch (err) {
        this.setData({ busy: false, error: err instanceof Error ? err.message : '表格上传失败' });
        return;
      }
      const res = await admin.importStructure(fileId);
      if (!res.ok) {
        this.setData({ busy: false, error: failureText(res.error) });
        return;
      }
      const c = res.data.created;
      this.setData({
        busy: false,
        result: res.data,
        createdText: `新建街道 ${c.streets} 个、社区 ${c.communities} 个、小区 ${c.compounds} 个、楼栋 ${c.buildings} 栋`,
      });
    },
  },
});
