// Errors are always shown; nothing is swallowed.
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div class="error" role="alert">
      <p>{message}</p>
      <button type="button" class="link" onClick={onDismiss}>
        Dismiss error
      </button>
    </div>
  );
}
