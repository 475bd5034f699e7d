// Community, status, flag and search: the same filters in the sidebar and the window.
import type { WireCommunity } from '../../shared/wire';
import { ANY, NO_FLAGS, type Filter } from '../review/filter';
import { FLAG_OPTIONS, STATUSES } from '../review/vocabulary';

export function Filters({
  communities,
  filter,
  onChange,
  layout,
  searchRef,
}: {
  communities: readonly WireCommunity[];
  filter: Filter;
  onChange: (change: Partial<Filter>) => void;
  layout: 'stacked' | 'row';
  searchRef?: { current: HTMLInputElement | null };
}) {
  return (
    <div class={`filters filters-${layout}`} role="search" aria-label="Filter applications">
      <div class="field f-community">
        <label for="f-community">Community</label>
        <select id="f-community" value={filter.community} onChange={(e) => onChange({ community: e.currentTarget.value })}>
          <option value={ANY}>All communities</option>
          {communities.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field half">
        <label for="f-status">Status</label>
        <select id="f-status" value={filter.status} onChange={(e) => onChange({ status: e.currentTarget.value as Filter['status'] })}>
          <option value={ANY}>Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div class="field half">
        <label for="f-flag">Flag</label>
        <select id="f-flag" value={filter.flag} onChange={(e) => onChange({ flag: e.currentTarget.value })}>
          <option value={ANY}>Any flags</option>
          <option value={NO_FLAGS}>No flags</option>
          {FLAG_OPTIONS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div class="field f-search">
        <label for="f-search">Search</label>
        <input
          id="f-search"
          ref={searchRef}
          type="search"
          placeholder="Name, email, agency or state"
          autocomplete="off"
          value={filter.query}
          onInput={(e) => onChange({ query: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
