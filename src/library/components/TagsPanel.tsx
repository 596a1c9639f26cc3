import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sameTag } from '../../core/tags/same-tag';
import { countLabel, errorMessage, formatCount } from '../../popup/format';
import { checkTag } from '../../popup/tag-input';
import { quoted } from '../../popup/isolate';
import { Isolated } from '../../popup/components/Isolated';

interface Props {
  /** Every tag with how many papers carry it, most used first (the list's own count: ListSnapshot.tags). */
  tags: readonly (readonly [string, number])[];
  /** Rename a tag on every paper with it (in any case), merging it into a tag of `to`'s name; resolves with how many. */
  onRename: (from: string, to: string) => Promise<number>;
  /** Take a tag off every paper with it; resolves with how many. */
  onRemove: (tag: string) => Promise<number>;
  /** Show the papers with this tag (the table's tag filter). */
  onShow: (tag: string) => void;
  /** The page's polite live region. */
  announce?: (message: string) => void;
  /**
   * Whether `tags` are the whole list's yet (a long one loads newest first): a rename or removal acts on the papers
   * the page holds, so both wait for all of them, as Export and Import do.
   */
  complete?: boolean;
}

type Editing = { tag: string; mode: 'rename' | 'remove' };

/** Tags shown before "Show all": the most used. */
const FIRST = 30;

/**
 * Every tag of the list with its count: a click shows its papers; Rename (or merge, where the new name is another tag
 * of the list) and Remove act on every paper with it, in one write each. Neither can be undone, so Remove asks first
 * and Rename's button says when it merges.
 */
export function TagsPanel({ tags, onRename, onRemove, onShow, announce = () => {}, complete = true }: Props) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [typed, setTyped] = useState('');
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = all ? tags : tags.slice(0, FIRST);
  // An opened rename or removal takes the focus: the name, selected, to type over; or the removal to confirm. Before the
  // frame is painted: a key typed as soon as the field shows must not land in it before the selection is made.
  useLayoutEffect(() => {
    const first = editing && panel.current?.querySelector<HTMLElement>('.tag-edit input, .tag-edit button');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  }, [editing]);
  const known = tags.map(([tag]) => tag);

  /** After the list changes under the focus: on the tag's name where it is still listed, else the panel's heading. */
  const focusTag = (tag: string | null) =>
    setTimeout(() => {
      const button = [...(panel.current?.querySelectorAll<HTMLButtonElement>('button[data-tag]') ?? [])].find((b) => b.dataset.tag === tag);
      (button ?? heading.current)?.focus();
    });

  const open = (tag: string, mode: Editing['mode']) => {
    setEditing({ tag, mode });
    setTyped(tag);
    setError(null);
    setMessage('');
  };
  const close = (tag: string) => {
    setEditing(null);
    setError(null);
    focusTag(tag);
  };

  /** What the typed name is: a tag, the list's other tag it would merge into (by name, whatever the case), or why not. */
  function target(from: string): { to: string; into: string | null } | { problem: string } {
    const others = known.filter((tag) => tag !== from);
    const check = checkTag(typed, others);
    if (!check.ok) return { problem: check.error };
    if (check.tag === from) return { problem: 'That is its name already.' };
    const into = others.find((tag) => sameTag(tag, check.tag) && !sameTag(tag, from)) ?? null;
    return { to: check.tag, into };
  }

  async function rename(from: string) {
    const chosen = target(from);
    if ('problem' in chosen) return setError(chosen.problem);
    setBusy(true);
    try {
      const n = await onRename(from, chosen.to);
      const done = `${chosen.into ? 'Merged' : 'Renamed'} ${quoted(from)} ${chosen.into ? 'into' : 'to'} ${quoted(chosen.to)} on ${countLabel(n)}.`;
      setMessage(done);
      announce(done);
      setEditing(null);
      setError(null);
      focusTag(chosen.to);
    } catch (failure) {
      setError(`Could not rename ${quoted(from)}: ${errorMessage(failure)}. No paper was changed.`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(tag: string) {
    setBusy(true);
    try {
      const n = await onRemove(tag);
      const done = `Removed ${quoted(tag)} from ${countLabel(n)}.`;
      setMessage(done);
      announce(done);
      setEditing(null);
      setError(null);
      focusTag(null);
    } catch (failure) {
      setError(`Could not remove ${quoted(tag)}: ${errorMessage(failure)}. No paper was changed.`);
    } finally {
      setBusy(false);
    }
  }

  const escape = (tag: string) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close(tag);
  };

  return (
    <section class="panel tags-panel" aria-labelledby="tags-heading" ref={panel}>
      <h2 id="tags-heading" tabIndex={-1} ref={heading}>
        Tags
      </h2>
      {!complete && tags.length > 0 && <p class="muted small">Renaming and removing wait for the rest of the list to load.</p>}
      {tags.length === 0 ? (
        <p class="muted">No paper has a tag yet.</p>
      ) : (
        <ul class="tag-list">
          {shown.map(([tag, count]) => {
            const mode = editing?.tag === tag ? editing.mode : null;
            const chosen = mode === 'rename' ? target(tag) : null;
            return (
              <li key={tag}>
                <button type="button" class="link" data-tag={tag} aria-label={`Show “${tag}” (${countLabel(count)})`} onClick={() => onShow(tag)}>
                  {tag}
                </button>{' '}
                <span class="muted">{formatCount(count)}</span>
                {mode === null && (
                  <span class="tag-actions">
                    <button type="button" disabled={busy || !complete} aria-label={`Rename “${tag}”`} onClick={() => open(tag, 'rename')}>
                      Rename
                    </button>
                    <button type="button" disabled={busy || !complete} aria-label={`Remove “${tag}” from every paper`} onClick={() => open(tag, 'remove')}>
                      Remove
                    </button>
                  </span>
                )}
                {mode === 'rename' && (
                  <form
                    class="tag-edit"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void rename(tag);
                    }}
                    onKeyDown={escape(tag)}
                  >
                    <input
                      type="text"
                      value={typed}
                      maxLength={60}
                      aria-label={`New name for “${tag}”`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? 'tags-error' : undefined}
                      onInput={(event) => {
                        setTyped(event.currentTarget.value);
                        setError(null);
                      }}
                    />
                    <button type="submit" disabled={busy}>
                      {chosen && 'into' in chosen && chosen.into ? `Merge into “${chosen.into}”` : 'Rename'}
                    </button>
                    <button type="button" onClick={() => close(tag)}>
                      Cancel
                    </button>
                  </form>
                )}
                {mode === 'remove' && (
                  <div class="tag-edit" onKeyDown={escape(tag)}>
                    <span>Nothing can undo it.</span>
                    <button type="button" disabled={busy} onClick={() => void remove(tag)}>
                      Remove “{tag}” from {countLabel(count)}
                    </button>
                    <button type="button" onClick={() => close(tag)}>
                      Cancel
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {tags.length > FIRST && (
        <button type="button" onClick={() => setAll(!all)}>
          {all ? `Show the ${FIRST} most used` : `Show all ${formatCount(tags.length)} tags`}
        </button>
      )}
      <p role="status" class="muted">
        <Isolated text={message} />
      </p>
      {error && (
        <p role="alert" class="error" id="tags-error">
          <Isolated text={error} />
        </p>
      )}
    </section>
  );
}
