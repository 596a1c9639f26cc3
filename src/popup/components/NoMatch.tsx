import { SEARCH_SYNTAX_HELP } from '../search-syntax';

interface Props {
  /** The page's class for its empty result. */
  class: string;
  /** Words were searched for: the search syntax is recalled. */
  searched: boolean;
  /** Clear the search and the filters, and put the focus back in the search box (this button goes with the result). */
  onClear(): void;
}

/** The popup's and the library's empty result of a search or filter, with the one button that undoes them all. */
export function NoMatch({ class: className, searched, onClear }: Props) {
  return (
    <p class={className}>
      No papers match.{searched && <span class="small"> {SEARCH_SYNTAX_HELP}</span>}{' '}
      <button type="button" class="link" onClick={onClear}>
        Clear search and filters
      </button>
    </p>
  );
}
