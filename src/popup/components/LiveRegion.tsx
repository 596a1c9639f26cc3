/** Polite announcements (result counts, status changes) for screen readers; invisible otherwise. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
