import { useId, useRef, useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { hasTag } from '../../core/tags/same-tag';
import { useReadingListState } from '../state-hooks';
import { checkTag, MAX_TAGS, suggestTags } from '../tag-input';
import { quoted } from '../isolate';
import { Isolated } from './Isolated';

/**
 * Chips with remove buttons and a combobox that completes from every tag in use (ARIA 1.2 combobox with a
 * listbox; a native <datalist> does not open reliably inside extension popups).
 */
export function TagEditor({ saved, knownTags }: { saved: SavedPaper; knownTags: readonly string[] }) {
  const state = useReadingListState();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const chips = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const suggestions = open ? suggestTags(knownTags, typed, saved.tags) : [];
  const title = saved.paper.title;

  const add = (text: string) => {
    const check = checkTag(text, knownTags);
    if (!check.ok) return setError(check.error);
    if (hasTag(saved.tags, check.tag)) return setError(`${quoted(check.tag)} is already a tag.`);
    if (saved.tags.length >= MAX_TAGS) return setError(`A paper has at most ${MAX_TAGS} tags.`);
    setError(null);
    setTyped('');
    setOpen(false);
    setActive(-1);
    void state.addTag([saved.id], check.tag); // added to what is stored, not to this copy (issue #6)
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const list = suggestTags(knownTags, typed, saved.tags);
      if (!open) setOpen(true);
      // From the field (none active, -1), Down goes to the first suggestion and Up to the last.
      if (list.length) setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % list.length : i <= 0 ? list.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = active >= 0 ? suggestions[active] : undefined;
      add(picked ?? typed);
    } else if (event.key === 'Escape' && suggestions.length > 0) {
      // Only a list that shows is closed: open with nothing to suggest (a new tag typed), Escape is the popup's.
      event.preventDefault();
      event.stopPropagation(); // close the list, not the popup
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div class="tag-editor" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} class="field-label">
        Tags
      </span>
      <ul class="chips" ref={chips}>
        {saved.tags.map((tag) => (
          <li key={tag} class="chip">
            {tag}
            <button
              type="button"
              class="chip-remove"
              aria-label={`Remove tag “${tag}” from “${title}”`}
              onClick={() => {
                // The chip goes, its button with it: the focus goes first to the next tag's (or the previous), or the input.
                const buttons = [...(chips.current?.querySelectorAll<HTMLButtonElement>('.chip-remove') ?? [])];
                const at = saved.tags.indexOf(tag);
                (buttons[at + 1] ?? buttons[at - 1] ?? input.current)?.focus();
                void state.removeTag(saved.id, tag);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="combo">
        <input
          ref={input}
          role="combobox"
          aria-label={`Add a tag to “${title}”`}
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={active >= 0 && suggestions[active] ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={typed}
          placeholder="Add a tag"
          autocomplete="off"
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
            setError(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={() => add(typed)}>
          Add
        </button>
        <ul id={`${id}-list`} role="listbox" aria-label="Existing tags" class="suggestions" hidden={suggestions.length === 0}>
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(event) => {
                event.preventDefault();
                add(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          <Isolated text={error} />
        </p>
      )}
    </div>
  );
}
