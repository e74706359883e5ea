// <community-picker>: which community a staff page is about, for people whose roles span several
// (an admin, a street_admin, someone on two communities' staff). It finds the choices itself
// (choices.ts) and fires `change` with `{ communityId, label }` once they are known — the
// caller's own community first — and on every pick; with one community it only names it.
//
//   <community-picker value="{{communityId}}" bind:change="onCommunity" bind:fail="onCommunityFail" />
//
// `fail` carries `{ message }` when the choices could not be loaded; `change` with communityId ''
// means the caller reaches no community.
import { communityChoices, type CommunityChoice } from './choices';
import type { DetailEvent } from '../../utils/events';

Component({
  options: { addGlobalClass: true },

  properties: {
    /** A community to start with (e.g. from the page's query) instead of the caller's own. */
    value: { type: String, value: '' },
  },

  data: {
    choices: [] as CommunityChoice[],
    options: [] as Array<{ label: string; value: string }>,
    current: '',
    label: '',
    visible: false,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      const res = await communityChoices();
      if (!res.ok) {
        this.triggerEvent('fail', { message: res.error.message });
        return;
      }
      const { choices, initial } = res.data;
      const wanted = this.properties.value;
      const start = wanted && choices.some((c) => c.communityId === wanted) ? wanted : wanted || initial;
      this.setData({ choices, options: choices.map((c) => ({ label: c.label, value: c.communityId })) });
      this.select(start);
    },

    select(communityId: string) {
      const label = this.data.choices.find((c) => c.communityId === communityId)?.label ?? '';
      this.setData({ current: communityId, label });
      this.triggerEvent('change', { communityId, label });
    },

    open() {
      if (this.data.choices.length > 1) this.setData({ visible: true });
    },

    close() {
      this.setData({ visible: false });
    },

    onConfirm(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      this.setData({ visible: false });
      if (id && id !== this.data.current) this.select(id);
    },
  },
});
