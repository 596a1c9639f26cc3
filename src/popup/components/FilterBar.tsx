import { useRef } from 'preact/hooks';
import { sameTag } from '../../core/tags/same-tag';
import { READING_STATUSES } from '../../storage/status';
import { siteName, STATUS_LABELS } from '../format';
import { isFiltered, NO_FILTERS, type ListFilters, type StatusFilter } from '../list-query';

interface Props {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  tags: readonly (readonly [string, number])[];
  sites: readonly string[];
  /** How many papers arXiv has a newer version of (popup/arxiv-versions.ts): the "New version" filter shows while any has, or it filters. */
  newVersions?: number;
  /** How many papers have an author the reader follows (popup/followed-authors.ts): the filter shows while any has, or it filters. */
  followed?: number;
}

/** Status, tag, site, "has code", "new version" and "followed authors"; each control says what it filters for screen readers. */
export function FilterBar({ filters, onChange, tags, sites, newVersions = 0, followed = 0 }: Props) {
  const update = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  const first = useRef<HTMLSelectElement>(null);
  const hasCode = useRef<HTMLInputElement>(null);
  // "New version" and "Followed authors" stay while they filter; unticked with none left to count, the box goes from
  // under the focus, which would fall to the page's body: it goes first to "Has code" before them.
  const countedChange = (key: 'newVersion' | 'followed', count: number) => (event: { currentTarget: HTMLInputElement }) => {
    const checked = event.currentTarget.checked;
    if (!checked && count === 0) hasCode.current?.focus();
    update({ [key]: checked });
  };
  // A tag or site chosen here that no paper has any more (its last paper untagged or removed) stays an option, or
  // the menu would show a blank while it still filters.
  const tagOptions = filters.tag && !tags.some(([tag]) => sameTag(tag, filters.tag)) ? [...tags, [filters.tag, 0] as const] : tags;
  const siteOptions = filters.site && !sites.includes(filters.site) ? [...sites, filters.site] : sites;
  return (
    <div class="filters" role="group" aria-label="Filters">
      <select ref={first} aria-label="Filter by status" value={filters.status} onChange={(e) => update({ status: e.currentTarget.value as StatusFilter })}>
        <option value="all">All statuses</option>
        {READING_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <select aria-label="Filter by tag" value={filters.tag} onChange={(e) => update({ tag: e.currentTarget.value })} disabled={tagOptions.length === 0}>
        <option value="">All tags</option>
        {tagOptions.map(([tag, count]) => (
          // The tag filtered by, in any case: most papers may spell it otherwise now (an import, RL for rl), and the
          // list names it so, with all its papers (list-query.ts tagCounts), which the filter shows (hasTag).
          <option key={tag} value={filters.tag && sameTag(tag, filters.tag) ? filters.tag : tag}>
            {tag} ({count})
          </option>
        ))}
      </select>
      <select aria-label="Filter by site" value={filters.site} onChange={(e) => update({ site: e.currentTarget.value })}>
        <option value="">All sites</option>
        {siteOptions.map((site) => (
          <option key={site} value={site}>
            {siteName(site)}
          </option>
        ))}
      </select>
      <label class="check">
        <input ref={hasCode} type="checkbox" checked={filters.hasCode} onChange={(e) => update({ hasCode: e.currentTarget.checked })} />
        Has code
      </label>
      {(newVersions > 0 || filters.newVersion) && (
        <label class="check">
          <input type="checkbox" checked={filters.newVersion} onChange={countedChange('newVersion', newVersions)} />
          New version ({newVersions})
        </label>
      )}
      {(followed > 0 || filters.followed) && (
        <label class="check" title="Papers by the authors you follow (options page, or a paper's authors in the popup)">
          <input type="checkbox" checked={filters.followed} onChange={countedChange('followed', followed)} />
          Followed authors ({followed})
        </label>
      )}
      {isFiltered(filters) && (
        <button
          type="button"
          class="link"
          onClick={() => {
            onChange(NO_FILTERS);
            first.current?.focus(); // this button goes with the filters
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
