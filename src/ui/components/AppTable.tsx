// The review window's table: one row per application, sortable columns, a checkbox per row whose
// accessible name contains the applicant's full name. Keyboard: the row checkboxes are the stops;
// ↑/↓ move between them (the active row's details show beside the table), Space selects.
import { memo } from 'preact/compat';
import type { ReviewState } from '../../shared/wire';
import type { Indexed, Sort, SortKey } from '../review/filter';
import { formatDate } from '../review/format';

export const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'agency', label: 'Agency' },
  { key: 'state', label: 'State' },
  { key: 'community', label: 'Community' },
  { key: 'submitted', label: 'Submitted' },
  { key: 'flags', label: 'Flags' },
  { key: 'status', label: 'Status' },
];

interface RowProps {
  item: Indexed;
  community: string;
  submitted: string;
  checked: boolean;
  active: boolean;
  onToggle: (id: string, on: boolean) => void;
  onActivate: (id: string) => void;
}

const Row = memo<RowProps>(function Row({ item, community, submitted, checked, active, onToggle, onActivate }: RowProps) {
  const { app } = item;
  return (
    <tr class={`${active ? 'active' : ''}${checked ? ' picked' : ''}`} aria-current={active ? 'true' : undefined} onClick={() => onActivate(app.id)}>
      <td class="pick">
        <input
          type="checkbox"
          data-id={app.id}
          aria-label={`Select ${item.fullName}`}
          checked={checked}
          tabIndex={active ? 0 : -1}
          onFocus={() => onActivate(app.id)}
          onChange={(e) => onToggle(app.id, e.currentTarget.checked)}
        />
      </td>
      <th scope="row" class="name">
        {item.fullName}
      </th>
      <td>{app.agency}</td>
      <td>{app.state}</td>
      <td>{community}</td>
      <td class="num">{submitted}</td>
      <td>
        {app.flags.map((f) => (
          <span key={f} class="flag">
            {f}
          </span>
        ))}
      </td>
      <td>
        <span class={`badge b-${app.status.toLowerCase()}`}>{app.status}</span>
      </td>
    </tr>
  );
});

export function AppTable({
  state,
  items,
  communityNames,
  selection,
  activeId,
  sort,
  onSort,
  onToggle,
  onActivate,
  onKeyDown,
  emptyText,
}: {
  state: ReviewState;
  items: readonly Indexed[];
  communityNames: ReadonlyMap<string, string>;
  selection: ReadonlyMap<string, unknown>;
  activeId: string | null;
  sort: Sort | null;
  onSort: (key: SortKey) => void;
  onToggle: (id: string, on: boolean) => void;
  onActivate: (id: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  emptyText: string;
}) {
  return (
    <table class="apps-table" aria-label="Applications" onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col" class="pick">
            <span class="sr-only">Select</span>
          </th>
          {COLUMNS.map((c) => {
            const sorted = sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
            return (
              <th key={c.key} scope="col" aria-sort={sorted ?? 'none'}>
                <button type="button" class="sort" onClick={() => onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true" class="sort-mark">
                    {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Row
            key={item.app.id}
            item={item}
            community={communityNames.get(item.app.community) ?? item.app.community}
            submitted={formatDate(item.app.submittedAt, state.timeZone)}
            checked={selection.has(item.app.id)}
            active={item.app.id === activeId}
            onToggle={onToggle}
            onActivate={onActivate}
          />
        ))}
        {items.length === 0 ? (
          <tr>
            <td colSpan={COLUMNS.length + 1} class="empty">
              {emptyText}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
