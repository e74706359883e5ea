// 红黑榜: a period's red and black lists, every firm with its grade and score, and the earlier
// periods to switch to. By default the caller's own community's board (the server decides whose);
// another community can be chosen with <community-picker reach="city">, or the city-wide ranking
// (ratings.board `scope: "city"`). The page says whose board it shows, from the server's answer:
// 本社区 only when the community answered for is the caller's own. Tapping a firm opens its history.
import { loadedPageBehavior } from '../../behaviors/page';
import * as ratings from '../../services/ratings';
import { me } from '../../services/session';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { boardRows, whoseBoard, type FirmRow } from './rows';

type Scope = ratings.BoardView['scope'];

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    /** Whether a board has been answered once (the scope tabs and the picker show from then on). */
    shown: false,
    scope: 'community' as Scope,
    /** The community whose board is shown ('' for the city ranking, or before the first answer). */
    communityId: '',
    whose: '',
    period: '',
    headline: '',
    rules: '',
    scopes: [
      { value: 'community', label: '社区红黑榜' },
      { value: 'city', label: '全市排名' },
    ],
    periods: [] as Array<{ period: string; label: string }>,
    red: [] as FirmRow[],
    black: [] as FirmRow[],
    firms: [] as FirmRow[],
    /** No community to show yet: the caller has none of their own and has picked none. */
    choosing: false,
    pickerError: '',
    /** The last community board shown, to come back to from the city ranking; the caller's own community. */
    _lastCommunityId: '',
    _own: '',
  },

  methods: {
    /**
     * Loads a board: of `target` (a scope, a community) or the one shown, at `chosen` period or the
     * shown one; `quiet` keeps the current board meanwhile.
     */
    async load(quiet = false, chosen?: string, target?: { scope: Scope; communityId?: string }): Promise<void> {
      const fresh = this.beginLoad();
      const scope = target?.scope ?? this.data.scope;
      const communityId = target ? (target.communityId ?? '') : this.data.communityId;
      const period = chosen ?? (target ? '' : this.data.period);
      if (!quiet) this.setData({ loading: true, error: '' });
      const input: ratings.BoardInput = scope === 'city' ? { scope: 'city' } : communityId ? { communityId } : {};
      if (period) input.period = period;
      const [r, who] = await Promise.all([ratings.board(input), me()]);
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      const rows = boardRows(r.data);
      // Never the caller's own board by assumption: only when the server answered for their community.
      const own = who.ok && who.data.user ? who.data.user.communityId : '';
      const shownCommunity = r.data.communityId ?? '';
      this.setData({
        loading: false,
        error: '',
        shown: true,
        choosing: false,
        _own: own,
        scope: r.data.scope,
        communityId: shownCommunity,
        _lastCommunityId: shownCommunity || this.data._lastCommunityId,
        whose: whoseBoard(r.data, own),
        period: r.data.period ?? '',
        periods: r.data.periods,
        headline: rows.headline,
        rules: rows.rules,
        red: rows.red,
        black: rows.black,
        firms: rows.firms,
      });
    },

    onPeriodChange(e: DetailEvent<{ value: string }>) {
      const period = String(e.detail.value);
      if (period && period !== this.data.period) this.load(false, period);
    },

    onScopeChange(e: DetailEvent<{ value: Scope }>) {
      const scope = e.detail.value;
      if (scope === this.data.scope) return;
      const communityId = this.data._lastCommunityId || this.data._own;
      if (scope === 'community' && !communityId) {
        // Without a community of their own the server would answer the city ranking again: pick one first.
        this.beginLoad();
        this.setData({ scope, choosing: true, loading: false, error: '', communityId: '', whose: '', period: '', periods: [] });
        return;
      }
      this.load(false, undefined, scope === 'city' ? { scope } : { scope, communityId });
    },

    /** A community picked in <community-picker>: its latest board (the picker's first answer is no pick). */
    onCommunity(e: DetailEvent<{ communityId: string; picked: boolean }>) {
      const { communityId, picked } = e.detail;
      if (!picked || !communityId || communityId === this.data.communityId) return;
      this.load(false, undefined, { scope: 'community', communityId });
    },

    onCommunityFail(e: DetailEvent<{ message: string }>) {
      this.setData({ pickerError: `社区列表未能加载：${e.detail.message}` });
    },

    onFirmTap(e: DatasetEvent<{ firmId: string }>) {
      openPage(`/ratings/firm/index?firmId=${encodeURIComponent(e.currentTarget.dataset.firmId)}`);
    },
  },
});
