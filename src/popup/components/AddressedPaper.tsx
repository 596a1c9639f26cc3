import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadingListApi, TabPaperPreview, TabPaperView } from '../api';
import { errorMessage, formatAuthors, STATUS_LABELS } from '../format';
import { CopyBibtex } from './CopyBibtex';
import './addressed-paper.css';
import type { SavedPaper } from '../../storage/schema';
import { useReadingListState } from '../state-hooks';

interface Props {
  api: ReadingListApi;
  /** The list as the popup holds it, for the saved paper's title. */
  papers: readonly SavedPaper[];
  announce: (message: string) => void;
  /** The paper and its saved state, asked again whenever the list changes; null: no paper (nothing is shown). */
  find: () => Promise<TabPaperView | null>;
  /** The region's name, its line's lead ("This tab:") and what a failed save names ("this tab's paper"). */
  name: string;
  lead: string;
  subject: string;
  /** Holds its save while it offers one (else null): for a key elsewhere (Enter in the search box) to press it. */
  saveRef?: RefObject<(() => void) | null>;
}

/**
 * A paper an address names, which the reader may not have in the list: the tab's (TabPaper) or one typed in the search
 * box (TypedPaper). Saved, it says so; not saved, one click saves it as "Save to reading list" on a link to it would,
 * and it is named by its title and authors once the background has read them (where no host must be asked for first),
 * by its id until then.
 */
export function AddressedPaper({ api, papers, announce, find, name, lead, subject, saveRef }: Props) {
  const [shown, setShown] = useState<TabPaperView | null>(null);
  /** The title its save read, until the list holds the record. */
  const [savedTitle, setSavedTitle] = useState<string | null>(null);
  /** What the paper is called before it is saved (its metadata read when no host needs asking for), by its address. */
  const [preview, setPreview] = useState<{ url: string; paper: TabPaperPreview } | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /**
   * The line saying it is saved takes the focus from the button it replaces, once the reader's click saved it (not from
   * the search box, where Enter saved it).
   */
  const savedLine = useRef<HTMLParagraphElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const focusSaved = useRef(false);

  useEffect(() => {
    let live = true;
    const read = () => void find().then((found) => live && setShown(found), () => live && setShown(null));
    read();
    // Saved or removed anywhere (this list, another tab, a link): its state here follows.
    const unsubscribe = api.subscribe(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, find]);
  const previewUrl = shown && !shown.state ? shown.url : null;
  useEffect(() => {
    if (!shown || previewUrl === null || preview?.url === previewUrl) return;
    let live = true;
    api.previewTabPaper(shown).then(
      (paper) => live && paper && setPreview({ url: previewUrl, paper }),
      () => {}, // the id stays: the save reads the metadata again
    );
    return () => {
      live = false;
    };
  }, [api, previewUrl]);
  useEffect(() => {
    if (focusSaved.current && savedLine.current) {
      savedLine.current.focus();
      focusSaved.current = false;
    }
  }, [shown]);

  useEffect(
    () => () => {
      if (saveRef) saveRef.current = null;
    },
    [saveRef],
  );

  if (!shown) {
    if (saveRef) saveRef.current = null;
    return null;
  }
  const savedId = shown.state ? shown.state.savedAs ?? shown.id : null;
  const saved = savedId === null ? undefined : papers.find((record) => record.id === savedId);
  const named = preview?.url === shown.url ? preview.paper : null;
  const title = saved?.paper.title ?? (shown.state ? savedTitle : null) ?? named?.title ?? shown.label;
  const authors = !shown.state && named ? formatAuthors(named) : '';

  const save = () => {
    if (saving) return;
    const fromButton = saveButton.current !== null && document.activeElement === saveButton.current;
    setSaving(true);
    setProblem(null);
    api.saveTabPaper(shown).then(
      (record) => {
        setShown({ ...shown, state: { status: record.status, tags: [...record.tags], ...(record.id === shown.id ? {} : { savedAs: record.id }) } });
        setSavedTitle(record.paper.title);
        focusSaved.current = fromButton;
        announce(`Saved “${record.paper.title}” to the reading list.`);
      },
      (error: unknown) => setProblem(`Could not save ${subject}: ${errorMessage(error)}`),
    ).finally(() => setSaving(false));
  };

  if (saveRef) saveRef.current = shown.state ? null : save;

  return (
    <section class="tab-paper" aria-label={name}>
      <p class="tab-paper-line">
        <span class="muted">{lead}</span> <span class="tab-paper-title">{title}</span>
      </p>
      {authors && <p class="tab-paper-line muted tab-paper-authors">{authors}</p>}
      {shown.state ? (
        <>
          <p class="tab-paper-line muted" tabIndex={-1} ref={savedLine}>
            In your reading list: {STATUS_LABELS[shown.state.status].toLowerCase()}.
          </p>
          {saved && <ShownVersion saved={saved} version={shown.version} />}
          {/* The paper being read, to cite: its entry as the list holds it. */}
          {saved && (
            <p class="tab-paper-line">
              <CopyBibtex papers={[saved]} name={`Copy BibTeX of “${saved.paper.title}”`} />
            </p>
          )}
        </>
      ) : (
        <button type="button" class="tab-paper-save" ref={saveButton} onClick={save} aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save to reading list'}
        </button>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/**
 * The address names a newer arXiv version than the one the list keeps (a PDF of v3 of a paper saved at v1): the reader
 * is reading it, and "Seen" makes it the version the list keeps (so a library check compares with it).
 */
function ShownVersion({ saved, version }: { saved: SavedPaper; version: number | undefined }) {
  const state = useReadingListState();
  const kept = saved.paper.version;
  if (version === undefined || !saved.id.startsWith('arxiv:') || (kept !== null && kept >= version)) return null;
  return (
    <p class="tab-paper-line new-version">
      Its address names v{version}; {kept !== null ? `you saved v${kept}` : 'the version you saved is not known'}.{' '}
      <button
        type="button"
        class="link"
        aria-label={`Seen: v${version} of “${saved.paper.title}”`}
        onClick={(event) => {
          const section = event.currentTarget.closest<HTMLElement>('section');
          void state.markSeen(saved.id, version).then(() => setTimeout(() => section?.querySelector<HTMLElement>('.tab-paper-line[tabindex]')?.focus()));
        }}
      >
        Seen
      </button>
    </p>
  );
}
