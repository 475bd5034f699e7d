// The views of a review page (Applications, Overview, and more: members, …). A page lists its
// views as data, so adding one is one entry (see /work/coord/i12.md "Adding a view").
import type { ComponentChildren } from 'preact';

export interface ViewDef<Id extends string = string> {
  id: Id;
  label: string;
}

export function ViewTabs<Id extends string>({ views, current, onChange }: { views: readonly ViewDef<Id>[]; current: Id; onChange: (id: Id) => void }) {
  return (
    <nav class="tabs" aria-label="Views">
      {views.map((v) => (
        <button key={v.id} type="button" class="tab" aria-pressed={v.id === current} onClick={() => onChange(v.id)}>
          {v.label}
        </button>
      ))}
    </nav>
  );
}

export function ViewPanel({ label, hidden, children }: { label: string; hidden: boolean; children: ComponentChildren }) {
  return (
    <section class="view" aria-label={label} hidden={hidden}>
      {children}
    </section>
  );
}
