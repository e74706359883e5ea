// Asking before an action: WeChat's modal as a promise of yes or no (no when it cannot be shown).

export interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
}

export function confirm({ title, content, confirmText = '确定', cancelText = '取消' }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, confirmText, cancelText, success: (r) => resolve(r.confirm), fail: () => resolve(false) });
  });
}
