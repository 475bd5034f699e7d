// "Live": when the page last checked for changes and what the last refresh brought.
import { pollInterval, type LiveStatus } from '../review/live';

function time(d: Date): string {
  return d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

export function LiveLine({ live }: { live: LiveStatus }) {
  return (
    <p class="live muted" role="status">
      {live.failing
        ? `Could not check for changes: ${live.failing}`
        : live.lastChange && live.lastChangeAt
          ? `Updated ${time(live.lastChangeAt)}: ${live.lastChange}.`
          : live.checkedAt
            ? `Up to date (checked ${time(live.checkedAt)}).`
            : `Live: checks for changes every ${Math.round(pollInterval() / 1000)} s.`}
    </p>
  );
}
