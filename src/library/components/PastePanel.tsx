import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { focusLost } from '../../popup/keyboard';
import type { ReadingListApi, TabPaperView } from '../../popup/api';
import { countLabel, errorMessage, formatCount } from '../../popup/format';
import { MAX_PASTED, pastedAddresses } from '../../core/typed-address';
import { quoted } from '../../popup/isolate';
import { Isolated } from '../../popup/components/Isolated';

/** What a pasted list names: the papers to save, those in the list already, and the text that names none. */
interface Found {
  toSave: TabPaperView[];
  inList: TabPaperView[];
  ignored: string[];
  truncated: boolean;
}

/** Papers looked up at once (each a message to the background, a read of the saved state). */
const LOOKUPS_AT_ONCE = 20;

/**
 * "Add papers by id": a list pasted from a mail, a reading group's notes or a file of links (arXiv ids, DOIs, paper
 * addresses: core/typed-address.ts), looked up, then saved one after another as "Save to reading list" on a link to
 * each would save it (the background reads the metadata). What the saves read is asked for once, in the click.
 */
export function PastePanel({ api, announce = () => {} }: { api: ReadingListApi; announce?: (message: string) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [failures, setFailures] = useState<string[]>([]);
  /** Set by Stop: the saves stop after the one under way. */
  const stop = useRef(false);
  const [saving, setSaving] = useState(false);
  // A save is under way from its click, while the browser asks for access too (no progress yet): a second click
  // would start a second run of the same saves.
  const busy = progress !== null || saving;
  const box = useRef<HTMLTextAreaElement>(null);
  const findButton = useRef<HTMLButtonElement>(null);
  /**
   * A lookup just ended: "Find papers", disabled under the focus while it looked (Chromium drops the focus to the page's
   * body then), takes it back once enabled again, in that render (a timer could take it from where the reader went since).
   */
  const looked = useRef(false);
  useLayoutEffect(() => {
    if (!looked.current || busy) return;
    looked.current = false;
    if (focusLost()) findButton.current?.focus();
  });

  async function look() {
    const read = pastedAddresses(text);
    setFound(null);
    setFailures([]);
    setMessage('');
    setProgress(`Looking up ${countLabel(read.addresses.length)}…`);
    try {
      const views: (TabPaperView | null)[] = [];
      for (let i = 0; i < read.addresses.length; i += LOOKUPS_AT_ONCE) {
        views.push(...(await Promise.all(read.addresses.slice(i, i + LOOKUPS_AT_ONCE).map((address) => api.typedPaper(address)))));
      }
      // Two addresses of one paper (its abstract page and its PDF) are that paper once.
      const byId = new Map<string, TabPaperView>();
      const ignored = [...read.ignored];
      views.forEach((view, i) => (view ? byId.has(view.id) || byId.set(view.id, view) : ignored.push(read.addresses[i]!)));
      const all = [...byId.values()];
      const result = { toSave: all.filter((view) => !view.state), inList: all.filter((view) => view.state), ignored, truncated: read.truncated };
      setFound(result);
      announce(`${countLabel(all.length)} found: ${result.toSave.length} to save, ${result.inList.length} in your list already.`);
    } catch (error) {
      setMessage(`Could not look them up: ${errorMessage(error)}`);
    } finally {
      setProgress(null);
      looked.current = true;
    }
  }

  function save(list: Found) {
    if (saving) return; // the button is disabled then; a click dispatched to it anyway saves nothing twice
    // Asked inside the click, before anything is awaited (browsers grant only then); refused, each paper is still
    // saved with what is granted, as a link's save is.
    const missing = [...new Set(list.toSave.flatMap((view) => view.missing))];
    const asked = missing.length ? api.requestAccess(missing).catch(() => false) : Promise.resolve(true);
    stop.current = false;
    setSaving(true);
    setFailures([]);
    void asked.then(async () => {
      let saved = 0;
      const failed: string[] = [];
      for (const [i, view] of list.toSave.entries()) {
        if (stop.current) break;
        setProgress(`Saving ${formatCount(i + 1)} of ${formatCount(list.toSave.length)}…`);
        try {
          await api.saveTabPaper({ ...view, missing: [] });
          saved++;
        } catch (error) {
          failed.push(`${view.label}: ${errorMessage(error)}`);
        }
      }
      const left = list.toSave.length - saved - failed.length;
      const said = `Saved ${countLabel(saved)}${failed.length ? `; ${failed.length} failed` : ''}${left ? `; stopped before ${countLabel(left)}` : ''}.`;
      setMessage(said);
      announce(said);
      setFailures(failed);
      setFound(null);
      setProgress(null);
      setSaving(false);
      // The Save and Stop buttons are gone: a focus left with them goes back to the list's box.
      setTimeout(() => focusLost() && box.current?.focus());
    });
  }

  return (
    <section class="panel" aria-labelledby="paste-heading">
      <h2 id="paste-heading">Add papers by id</h2>
      <label class="field stacked">
        <span>arXiv ids, DOIs or paper links, one per line (up to {MAX_PASTED})</span>
        <textarea
          ref={box}
          rows={4}
          value={text}
          disabled={busy}
          spellcheck={false}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setFound(null); // what was found was this text's
          }}
        />
      </label>
      <div class="actions">
        <button type="button" ref={findButton} disabled={busy || !text.trim()} onClick={() => void look()}>
          Find papers
        </button>
        {saving && (
          <button type="button" onClick={() => void (stop.current = true)}>
            Stop
          </button>
        )}
        {progress && <span class="muted">{progress}</span>}
      </div>
      {found && (
        <>
          <p>
            {countLabel(found.toSave.length + found.inList.length)} found: {formatCount(found.toSave.length)} to save,{' '}
            {formatCount(found.inList.length)} in your list already.
            {found.truncated && ` Only the first ${MAX_PASTED} were read.`}
          </p>
          {found.ignored.length > 0 && (
            <p class="muted">
              Not a paper: <Isolated text={found.ignored.slice(0, 5).map(quoted).join(', ')} />
              {found.ignored.length > 5 && ` and ${formatCount(found.ignored.length - 5)} more`}.
            </p>
          )}
          {found.toSave.length > 0 && (
            <div class="actions">
              <button type="button" disabled={busy} onClick={() => save(found)}>
                Save {countLabel(found.toSave.length)}
              </button>
            </div>
          )}
        </>
      )}
      <p role="status" class="muted">
        {message}
      </p>
      {failures.length > 0 && (
        <ul class="error" aria-label="Papers not saved">
          {failures.map((failure) => (
            <li key={failure}>{failure}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
