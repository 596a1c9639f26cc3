/**
 * The list could not be read (storage failed, the background was restarting): says why and offers to ask again,
 * so a full library tab or an open popup is not a dead end until it is reloaded.
 */
export function LoadError({ error, onRetry }: { error: string | null; onRetry: (button: HTMLButtonElement) => void }) {
  return (
    <div class="load-error">
      <p class="error" role="alert">
        Could not read your reading list: {error}
      </p>
      <button type="button" onClick={(event) => onRetry(event.currentTarget)}>
        Try again
      </button>
    </div>
  );
}
