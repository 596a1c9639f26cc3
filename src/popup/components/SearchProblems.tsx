/** Why a qualifier typed in the search box asks nothing or finds nothing (search-syntax.ts), as text, under the box. */
export function SearchProblems({ id, problems }: { id: string; problems: readonly string[] }) {
  // Always in the page, so the box's aria-describedby names an element whether or not there is anything to say.
  return (
    <p id={id} class="muted small search-problems" hidden={problems.length === 0}>
      {problems.join(' ')}
    </p>
  );
}
