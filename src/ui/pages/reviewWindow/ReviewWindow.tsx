import { useEffect, useState } from 'preact/hooks';
import type { ReviewState } from '../../../shared/wire';
import { call, errorText } from '../../rpc';

export function ReviewWindow() {
  const [state, setState] = useState<ReviewState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getReviewState').then(
      (r) => (r.ok ? setState(r) : setError(r.error)),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!state) return <p>Loading…</p>;
  return (
    <section aria-labelledby="window-title">
      <h1 id="window-title">{state.program}</h1>
      <p>{state.applications.length} applications</p>
    </section>
  );
}
