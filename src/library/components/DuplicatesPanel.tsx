import { useId, useRef, useState } from 'preact/hooks';
import { clip } from '../../core/paper';
import { firstLine, formatLocalDay, STATUS_LABELS } from '../../popup/format';
import type { SavedPaper } from '../../storage/schema';

interface Props {
  /** Groups of likely copies of one paper (core/duplicates.ts findDuplicates), each with the default to keep first. */
  groups: readonly (readonly SavedPaper[])[];
  /** Merge the others into `keepId`; resolves true once merged (a refusal is said by the page's problem alert). */
  onMerge: (keepId: string, otherIds: string[]) => Promise<boolean>;
  /** The reader says these copies are different papers: the group is not offered again (not-duplicates.ts). */
  onDismiss: (ids: string[]) => void;
  /** The last group was merged or dismissed: the panel goes, and the page puts the focus somewhere useful. */
  onEmptied: () => void;
}

/**
 * Papers saved more than once under ids that named nothing of each other (builds before aliases, two imported files),
 * by group: which copy to keep, and a button that merges the others into it. Nothing is merged without the reader.
 */
export function DuplicatesPanel({ groups, onMerge, onDismiss, onEmptied }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  /**
   * A group merged or dismissed: its controls went from under the focus, which goes to the heading (or out of the
   * emptied panel).
   */
  const gone = () =>
    setTimeout(() => {
      const focused = document.activeElement;
      if (focused && focused !== document.body && focused.isConnected) return; // the reader has moved on
      if (heading.current?.isConnected) heading.current.focus();
      else onEmptied();
    });
  return (
    <section class="panel duplicates" id="duplicates" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading" tabIndex={-1} ref={heading}>
        Possible duplicates
      </h2>
      <p class="muted">
        Papers saved more than once under ids that named nothing of each other. Merging keeps one record under the id you
        choose, with every copy's tags and notes, the status furthest along and the first save; the other ids find it from
        then on. Copies that are different papers (a workshop and a conference paper of one title) can be left apart.
      </p>
      <ul class="groups">
        {groups.map((group) => (
          <DuplicateGroup
            key={group.map((record) => record.id).join('\n')}
            group={group}
            onMerge={(keep, others) => onMerge(keep, others).then((done) => done && gone())}
            onDismiss={() => {
              onDismiss(group.map((record) => record.id));
              gone();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function DuplicateGroup({ group, onMerge, onDismiss }: { group: readonly SavedPaper[]; onMerge: (keepId: string, otherIds: string[]) => Promise<unknown>; onDismiss: () => void }) {
  const [chosen, setChosen] = useState(group[0]!.id);
  const [busy, setBusy] = useState(false);
  const id = useId();
  // A copy chosen and then gone (merged or removed elsewhere) leaves the default.
  const keep = group.find((record) => record.id === chosen) ?? group[0]!;
  const title = keep.paper.title;
  return (
    <li>
      <fieldset>
        <legend>
          “<bdi>{title}</bdi>”: {group.length} copies
        </legend>
        {group.map((record, i) => (
          <div key={record.id} class="copy">
            <label>
              <input type="radio" name={`${id}-keep`} aria-describedby={`${id}-${i}`} checked={record === keep} onChange={() => setChosen(record.id)} />
              {' Keep '}
              <code>{record.id}</code>
            </label>
            <span id={`${id}-${i}`} class="copy-details">
              <span class="copy-title">{record.paper.title}</span>
              <span>
                {STATUS_LABELS[record.status] ?? record.status} · {record.tags.length ? record.tags.join(', ') : 'no tags'} · saved {formatLocalDay(record.savedAt)}
              </span>
              {firstLine(record.note) && <span class="muted">Note: {clip(firstLine(record.note), 120)}</span>}
            </span>
          </div>
        ))}
        <button
          type="button"
          disabled={busy}
          // The visible words first (a speech user says what they see), then which paper and which copy is kept.
          aria-label={`Merge ${group.length} copies of “${title}” into ${keep.id}`}
          onClick={() => {
            setBusy(true);
            void onMerge(
              keep.id,
              group.filter((record) => record !== keep).map((record) => record.id),
            ).finally(() => setBusy(false));
          }}
        >
          Merge {group.length} copies
        </button>{' '}
        <button type="button" disabled={busy} aria-label={`Not the same paper: leave the ${group.length} copies of “${title}” apart`} onClick={onDismiss}>
          Not the same paper
        </button>
      </fieldset>
    </li>
  );
}
