// 街道 → 社区 (→ 小区): the first steps of choosing a community on the pages anyone opens (居民注册,
// 党员报到). The first call lists the streets (community.streets, a few dozen); choosing one reads
// that street's communities with their compounds (community.list { streetId }) — never the whole
// city's list, which grows with the city (issue #16 §3). The street picker shows while
// `streetPicker`; the page opens and closes its own others, and has a `setCommunity(communityId)`:
// '' when another street is picked, the street's only community when it has just one.
//
// Data: `streetOptions`, the chosen `streetId` and `streetName`, that street's `communities` (each
// with its compounds) and `communityOptions`, `streetLoading` while they are read.
// `loadStreets()`: step one (a city of one street needs no choice, so it is chosen);
// `chooseStreet(id)`: step two (a street of one community chooses it); each answers its failure or
// null; a street whose communities failed is not chosen, so picking it again reads them again.
// `onStreetConfirm`: the street picker's 确定 (another street: no community yet, its
// communities read). The comments stay out here: the main package counts every byte inside the Behavior.
import type { AppError, CommunityListItem } from '../../typings/api';
import type { DetailEvent } from '../utils/events';
import { list, streets } from '../services/community';

type Option = { label: string; value: string };

type StreetStep = {
  data: { streetId: string; streetOptions: Option[]; communities: CommunityListItem[] };
  setData(data: Record<string, unknown>): void;
  chooseStreet(streetId: string): Promise<AppError | null>;
  setCommunity(communityId: string): void;
};

export const streetStepBehavior = Behavior({
  data: {
    streetPicker: false,
    streetOptions: [] as Option[],
    streetId: '',
    streetName: '',
    communities: [] as CommunityListItem[],
    communityOptions: [] as Option[],
    streetLoading: false,
  },

  methods: {
    async loadStreets(): Promise<AppError | null> {
      const self = this as unknown as StreetStep;
      const res = await streets();
      if (!res.ok) return res.error;
      self.setData({ streetOptions: res.data.map((s) => ({ label: s.name, value: s.streetId })) });
      return res.data.length === 1 ? self.chooseStreet(res.data[0].streetId) : null;
    },

    async chooseStreet(streetId: string): Promise<AppError | null> {
      const self = this as unknown as StreetStep;
      const streetName = self.data.streetOptions.find((o) => o.value === streetId)?.label ?? '';
      self.setData({ streetId, streetName, streetLoading: true, communities: [], communityOptions: [] });
      const res = await list({ streetId });
      if (self.data.streetId !== streetId) return null; // another street chosen meanwhile
      if (!res.ok) {
        self.setData({ streetLoading: false, streetId: '', streetName: '' });
        return res.error;
      }
      self.setData({
        streetLoading: false,
        communities: res.data,
        communityOptions: res.data.map((c) => ({ label: c.name, value: c.communityId })),
      });
      if (res.data.length === 1) self.setCommunity(res.data[0].communityId);
      return null;
    },

    openStreetPicker() {
      this.setData({ streetPicker: true });
    },

    closeStreetPicker() {
      this.setData({ streetPicker: false });
    },

    async onStreetConfirm(e: DetailEvent<{ value: string[] }>): Promise<void> {
      const self = this as unknown as StreetStep;
      const id = e.detail.value[0];
      self.setData({ streetPicker: false });
      if (!id || id === self.data.streetId) return;
      self.setData({ 'errors.streetId': '', 'errors.communityId': '' });
      self.setCommunity('');
      const failed = await self.chooseStreet(id);
      if (failed) self.setData({ 'errors.streetId': failed.message });
    },
  },
});
