import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { READING_STATUSES, type ReadingStatus } from '../../storage/status';
import { formatCount, STATUS_LABELS } from '../../popup/format';
import { checkTag } from '../../popup/tag-input';
import { sameTag } from '../../core/tags/same-tag';

interface Props {
  /** Selected papers the search and filters show: what the actions act on. */
  count: number;
  /** Selected papers the search and filters hide: left out of every action. */
  hidden?: number;
  knownTags: readonly string[];
  /** The tags the papers acted on carry, most used first: what "Remove tag" offers. */
  selectionTags?: readonly string[];
  onStatus: (status: ReadingStatus) => void;
  onAddTag: (tag: string) => void;
  onRemoveTag?: (tag: string) => void;
  onRemove: () => void;
  onExport: () => void;
  onClear: () => void;
  /** More actions on the selection, after Export (the page's Copy BibTeX). */
  children?: ComponentChildren;
  /**
   * The selection shown became empty while the focus was on one of the bar's buttons, which are now disabled: the
   * page puts the focus somewhere useful (else it falls to the page's body, and a keyboard user starts over).
   */
  onEmptied?: () => void;
}

/** Actions on the selected papers. */
export function BulkBar({ count, hidden = 0, knownTags, selectionTags = [], onStatus, onAddTag, onRemoveTag, onRemove, onExport, onClear, onEmptied, children }: Props) {
  const [status, setStatus] = useState<ReadingStatus>('done');
  const [tag, setTag] = useState('');
  /**
   * The tag picked to remove; the most used of the selection's until one is picked (or when the picked one is gone).
   * Found in any case: papers selected after may spell it otherwise ("RL" becomes the selection's "rl"), and falling
   * back then would put another tag under the reader's "Remove tag".
   */
  const [picked, setPicked] = useState('');
  const toRemove = selectionTags.find((tag) => sameTag(tag, picked)) ?? selectionTags[0] ?? '';
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const disabled = count === 0;
  /** "Clear selection" stays while papers the filters hide are selected (it clears them too). */
  const clearDisabled = disabled && hidden === 0;
  const bar = useRef<HTMLDivElement>(null);
  /** The control of the bar that last had the focus, until the focus went to another element. */
  const lastFocused = useRef<HTMLElement | null>(null);
  const removeTagButton = useRef<HTMLButtonElement>(null);
  const addTagField = useRef<HTMLInputElement>(null);
  // The selection's last tag removed, "Remove tag" is disabled under the focus: it goes to the tag field beside it.
  useLayoutEffect(() => {
    if (selectionTags.length || disabled) return;
    const focused = document.activeElement;
    if (focused === removeTagButton.current || ((focused === null || focused === document.body) && lastFocused.current === removeTagButton.current)) addTagField.current?.focus();
  }, [selectionTags.length, disabled]);
  useLayoutEffect(() => {
    if (!disabled) return;
    const focused = document.activeElement;
    const inBar = focused instanceof HTMLElement && bar.current?.contains(focused) ? focused : null;
    // Browsers differ: Chromium moves the focus off a disabled control to the body, Firefox leaves it there.
    const lost = inBar ?? (focused === null || focused === document.body ? lastFocused.current : null);
    if (lost?.matches(':disabled')) onEmptied?.();
    // Also when "Clear selection" alone was enabled (only papers the filters hide were selected) and is disabled now.
  }, [disabled, clearDisabled]);

  const addTag = (event: Event) => {
    event.preventDefault();
    const check = checkTag(tag, knownTags);
    if (!check.ok) return setError(check.error);
    setError(null);
    setTag('');
    onAddTag(check.tag);
  };

  return (
    <div
      class="bulk"
      role="region"
      aria-label="Selected papers"
      ref={bar}
      onFocusIn={(event) => (lastFocused.current = event.target as HTMLElement)}
      onFocusOut={(event) => event.relatedTarget && (lastFocused.current = null)}
    >
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
          ref={addTagField}
          aria-label="Tag to add to the selected papers"
          list={`${id}-tags`}
          value={tag}
          placeholder="Tag"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => {
            setTag(e.currentTarget.value);
            setError(null); // about the tag as it was
          }}
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
      {onRemoveTag && (
        <span class="group">
          <select aria-label="Tag to remove from the selected papers" value={toRemove} disabled={disabled || !selectionTags.length} onChange={(e) => setPicked(e.currentTarget.value)}>
            {selectionTags.map((known) => (
              <option key={known} value={known}>
                {known}
              </option>
            ))}
          </select>
          <button type="button" ref={removeTagButton} disabled={disabled || !toRemove} onClick={() => onRemoveTag(toRemove)}>
            Remove tag
          </button>
        </span>
      )}
      <button type="button" disabled={disabled} onClick={onExport}>
        Export selected…
      </button>
      {children}
      <button type="button" class="danger" disabled={disabled} onClick={onRemove}>
        Remove
      </button>
      <button type="button" class="link" disabled={clearDisabled} onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p class="error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
