// <community-picker>: which community a page is about. On the staff pages, for people whose
// roles span several (an admin, a street_admin, someone on two communities' staff); with
// `reach="city"`, any community of the city (the 红黑榜 of another community). It finds the choices
// itself (choices.ts) and fires `change` with `{ communityId, label, picked }` once they are known
// — the caller's own community first, `picked: false` — and on every pick (`picked: true`); with
// one community it only names it. The admin picks a street first (街道 → 社区): picking a street
// loads its communities and picks its first. In the main package: the admin and ratings subpackages use it.
//
//   <community-picker value="{{communityId}}" bind:change="onCommunity" bind:fail="onCommunityFail" />
//
// `fail` carries `{ message }` when the choices could not be loaded; `change` with communityId ''
// means the caller reaches no community (or, with reach city, has none of their own).
import { communityChoices, structureChoices, type CommunityChoice, type Reach, type StreetChoice } from './choices';
import type { DetailEvent } from '../../utils/events';

Component({
  options: { addGlobalClass: true },

  properties: {
    /** A community to start with (e.g. from the page's query) instead of the caller's own. */
    value: { type: String, value: '' },
    /** `roles` (default): the communities the caller's roles reach; `city`: every community of the city. */
    reach: { type: String, value: 'roles' },
  },

  data: {
    choices: [] as CommunityChoice[],
    options: [] as Array<{ label: string; value: string }>,
    current: '',
    label: '',
    visible: false,
    /** The admin's streets (empty for everyone else) and the one picked. */
    streets: [] as StreetChoice[],
    streetId: '',
    streetLabel: '',
    /** What the open picker picks: a `street` (the admin's first step) or a `community`. */
    picking: 'community',
  },

  observers: {
    /** The page shows another community (e.g. the one the server answered for): name it, without a `change`. */
    value(communityId: string) {
      if (!this.data.choices.length || communityId === this.data.current) return;
      const label = this.data.choices.find((c) => c.communityId === communityId)?.label ?? '';
      this.setData({ current: communityId, label });
    },
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      const res = await communityChoices(this.properties.reach as Reach);
      if (!res.ok) {
        this.triggerEvent('fail', { message: res.error.message });
        return;
      }
      const { choices, initial, streets, streetId } = res.data;
      const wanted = this.properties.value;
      const start = wanted && choices.some((c) => c.communityId === wanted) ? wanted : wanted || initial;
      this.setData({ streets, streetId, streetLabel: streets.find((s) => s.value === streetId)?.label ?? '' });
      this.offer(choices);
      this.select(start, false);
    },

    offer(choices: CommunityChoice[]) {
      this.setData({ choices, options: choices.map((c) => ({ label: c.label, value: c.communityId })) });
    },

    openStreet() {
      if (this.data.streets.length > 1) this.setData({ visible: true, picking: 'street' });
    },

    /** The admin picked a street: its communities, and its first shown. */
    async onStreet(id: string) {
      if (id === this.data.streetId) return;
      const res = await structureChoices(id);
      if (!res.ok) {
        this.triggerEvent('fail', { message: res.error.message });
        return;
      }
      this.setData({ streetId: id, streetLabel: this.data.streets.find((s) => s.value === id)?.label ?? '' });
      this.offer(res.data.choices);
      this.select(res.data.choices[0]?.communityId ?? '', true);
    },

    select(communityId: string, picked: boolean) {
      const label = this.data.choices.find((c) => c.communityId === communityId)?.label ?? '';
      this.setData({ current: communityId, label });
      this.triggerEvent('change', { communityId, label, picked });
    },

    open() {
      if (this.data.choices.length > 1) this.setData({ visible: true, picking: 'community' });
    },

    close() {
      this.setData({ visible: false });
    },

    onConfirm(e: DetailEvent<{ value: string[] }>) {
      const id = e.detail.value[0];
      this.setData({ visible: false });
      if (id && this.data.picking === 'street') this.onStreet(id);
      else if (id && id !== this.data.current) this.select(id, true);
    },
  },
});
