import type { SiteAccess } from '../api';

/** Firefox lets users withhold host access; without it the content script cannot run on that site. */
export function AccessNotice({ site, onRequest }: { site: SiteAccess; onRequest: (button: HTMLButtonElement) => void }) {
  return (
    <div class="notice" role="alert">
      <p>Papershelf cannot run on {site.name} pages: access to that site is not granted.</p>
      <button type="button" onClick={(event) => onRequest(event.currentTarget)}>
        Allow on {site.name}
      </button>
    </div>
  );
}
