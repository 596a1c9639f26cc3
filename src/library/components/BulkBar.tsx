import { useId, useState } from 'preact/hooks';
import { READING_STATUSES, type ReadingStatus } from '../../storage/status';
import { formatCount, STATUS_LABELS } from '../../popup/format';
import { checkTag } from '../../popup/tag-input';

interface Props {
  /** Selected papers the search and filters show: what the actions act on. */
  count: number;
  /** Selected papers the search and filters hide: left out of every action. */
  hidden?: number;
  knownTags: readonly string[];
  onStatus: (status: ReadingStatus) => void;
  onAddTag: (tag: string) => void;
  onRemove: () => void;
  onExport: () => void;
  onClear: () => void;
}

/** Actions on the selected papers. */
export function BulkBar({ count, hidden = 0, knownTags, onStatus, onAddTag, onRemove, onExport, onClear }: Props) {
  const [status, setStatus] = useState<ReadingStatus>('done');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const disabled = count === 0;

  const addTag = (event: Event) => {
    event.preventDefault();
    const check = checkTag(tag, knownTags);
    if (!check.ok) return setError(check.error);
    setError(null);
    setTag('');
    onAddTag(check.tag);
  };

  return (
    <div class="bulk" role="region" aria-label="Selected papers">
      <strong aria-live="polite">
        {count === 0 ? (hidden ? 'None of the shown papers selected' : 'Nothing selected') : `${formatCount(count)} selected`}
        {hidden > 0 && ` (${formatCount(hidden)} more not shown, left out)`}
      </strong>
      <span class="group">
        <select aria-label="Status for the selected papers" value={status} disabled={disabled} onChange={(e) => setStatus(e.currentTarget.value as ReadingStatus)}>
          {READING_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="button" disabled={disabled} onClick={() => onStatus(status)}>
          Set status
        </button>
      </span>
      <form class="group" onSubmit={addTag}>
        <input
          aria-label="Tag to add to the selected papers"
          list={`${id}-tags`}
          value={tag}
          placeholder="Tag"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <datalist id={`${id}-tags`}>
          {knownTags.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <button type="submit" disabled={disabled}>
          Add tag
        </button>
      </form>
      <button type="button" disabled={disabled} onClick={onExport}>
        Export selected…
      </button>
      <button type="button" class="danger" disabled={disabled} onClick={onRemove}>
        Remove
      </button>
      <button type="button" class="link" disabled={disabled && hidden === 0} onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
