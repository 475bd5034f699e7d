// The sidebar's list: one compact row per application, selected with a checkbox whose accessible
// name is the applicant's full name and community.
import { memo } from 'preact/compat';
import type { Indexed } from '../review/filter';

interface AppRowProps {
  item: Indexed;
  community: string;
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  onDetails: (id: string) => void;
}

export const AppRow = memo<AppRowProps>(function AppRow({ item, community, checked, onToggle, onDetails }: AppRowProps) {
  const { app } = item;
  const where = [app.agency, app.state].filter(Boolean).join(' · ');
  return (
    <li class="app">
      <div class="app-head">
        <label class="app-pick">
          <input type="checkbox" data-id={app.id} checked={checked} onChange={(e) => onToggle(app.id, e.currentTarget.checked)} />
          <span class="name">{item.fullName}</span>
          <span class="sr-only">, </span>
          <span class="comm">{community}</span>
        </label>
        <span class={`badge b-${app.status.toLowerCase()}`}>{app.status}</span>
      </div>
      <div class="meta">
        {where ? <span>{where}</span> : null}
        {app.flags.length ? (
          <span class="flags">
            {app.flags.map((f) => (
              <span key={f} class="flag">
                {f}
              </span>
            ))}
          </span>
        ) : null}
        <button type="button" class="link" aria-label={`Details for ${item.fullName}`} onClick={() => onDetails(app.id)}>
          Details
        </button>
      </div>
    </li>
  );
});

export function AppList({
  items,
  communityNames,
  selection,
  onToggle,
  onDetails,
  emptyText,
}: {
  items: readonly Indexed[];
  communityNames: ReadonlyMap<string, string>;
  selection: ReadonlyMap<string, unknown>;
  onToggle: (id: string, on: boolean) => void;
  onDetails: (id: string) => void;
  emptyText: string;
}) {
  return (
    <ul class="apps" aria-label="Applications">
      {items.map((item) => (
        <AppRow
          key={item.app.id}
          item={item}
          community={communityNames.get(item.app.community) ?? item.app.community}
          checked={selection.has(item.app.id)}
          onToggle={onToggle}
          onDetails={onDetails}
        />
      ))}
      {items.length === 0 ? <li class="empty">{emptyText}</li> : null}
    </ul>
  );
}
