import type { RefObject } from 'preact';

interface Props {
  value: string;
  onChange: (text: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** ArrowDown leaves the box for the first result. */
  onArrowDown?: () => void;
  /** Enter: saves the paper the text names when it is not in the list (TypedPaper). */
  onEnter?: () => void;
  /** Its name and hint, when it is not for searching (an empty list's box for a first paper). */
  label?: string;
  placeholder?: string;
  /** The id of what the box should be read with (SearchProblems: why a qualifier typed asks nothing). */
  describedBy?: string;
  /** What it takes besides words, on hover (the list's box: search-syntax.ts). */
  hint?: string;
}

/** Search as you type over title, authors, abstract, tags and notes. `/` focuses it, Escape clears it. */
export function SearchBox({ value, onChange, inputRef, onArrowDown, onEnter, label = 'Search papers', placeholder = 'Search (/) titles, authors, abstracts, tags, notes', describedBy, hint }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && value) {
      event.preventDefault(); // clear first; a second Escape may close the popup
      onChange('');
    } else if (event.key === 'Enter' && onEnter) {
      onEnter(); // in the key's own handler: a save that asks for a host may ask only here
    } else if (event.key === 'ArrowDown' && onArrowDown) {
      event.preventDefault();
      onArrowDown();
    }
  };
  return (
    <input
      ref={inputRef}
      class="search"
      type="search"
      aria-label={label}
      aria-keyshortcuts="/"
      aria-describedby={describedBy}
      title={hint}
      placeholder={placeholder}
      autocomplete="off"
      spellcheck={false}
      value={value}
      onInput={(event) => onChange(event.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
