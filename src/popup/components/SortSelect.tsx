import { SORT_LABELS, type SortKey } from '../list-query';

const KEYS: SortKey[] = ['saved', 'published', 'title', 'stars', 'upvotes'];

/** "Best match" is offered only while a search is typed (the value shown is the sort in effect: sort-choice.ts). */
export function SortSelect({ value, onChange, searching }: { value: SortKey; onChange: (sort: SortKey) => void; searching: boolean }) {
  const keys: SortKey[] = searching ? ['relevance', ...KEYS] : KEYS;
  return (
    <label class="field">
      <span class="field-label">Sort</span>
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as SortKey)}>
        {keys.map((key) => (
          <option key={key} value={key}>
            {SORT_LABELS[key]}
          </option>
        ))}
      </select>
    </label>
  );
}
