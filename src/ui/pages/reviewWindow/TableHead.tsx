// The review window's head of the table: select all shown, what is shown of how many, the pager.
import type { Indexed, Page } from '../../review/filter';

interface Props {
  /** applications the filters show */
  shown: number;
  /** applications in all */
  total: number;
  shownSelected: number;
  pg: Page<Indexed>;
  onSelectAll: (on: boolean) => void;
  setPage: (page: number) => void;
}

export function TableHead({ shown, total, shownSelected, pg, onSelectAll, setPage }: Props) {
  return (
    <div class="table-head">
      <span class="check">
        <input
          type="checkbox"
          id="select-all"
          checked={shown > 0 && shownSelected === shown}
          disabled={shown === 0}
          onChange={(e) => onSelectAll(e.currentTarget.checked)}
        />
        <label for="select-all">Select all shown ({shown.toLocaleString('en-US')})</label>
      </span>
      <p class="summary" aria-live="polite">
        {shown
          ? `Showing ${pg.first}–${pg.last} of ${shown.toLocaleString('en-US')}${shown !== total ? ` (${total.toLocaleString('en-US')} in all)` : ''}`
          : `Showing 0 of ${total.toLocaleString('en-US')}`}
      </p>
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={pg.page === 0} onClick={() => setPage(pg.page - 1)}>
          Previous page
        </button>
        <span class="muted">
          Page {pg.page + 1} of {pg.pages}
        </span>
        <button type="button" disabled={pg.page >= pg.pages - 1} onClick={() => setPage(pg.page + 1)}>
          Next page
        </button>
      </nav>
    </div>
  );
}
