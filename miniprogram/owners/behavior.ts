// The pages of one motion (表决详情, 纸质表决录入): a page that loads once attached, for the motion
// its query names.
import { loadedPageBehavior } from '../behaviors/page';

export const motionPageBehavior = Behavior({
  behaviors: [loadedPageBehavior],

  properties: {
    motionId: { type: String, value: '' },
  },
});
