/** A paper's tags as chips (text only). */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} class="chip">
          {tag}
        </li>
      ))}
    </ul>
  );
}
