import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadingListApi, TabPaperPreview, TabPaperView } from '../api';
import { formatAuthors, STATUS_LABELS } from '../format';
import type { SavedPaper } from '../../storage/schema';

interface Props {
  api: ReadingListApi;
  /** The list as the popup holds it, for the saved paper's title. */
  papers: readonly SavedPaper[];
  announce: (message: string) => void;
}

/**
 * The paper the reader's tab shows, when its address names one: above all a PDF (arxiv.org/pdf/…, OpenReview's,
 * a proceedings PDF), where no content script runs and so no card offers a Save. Saved, it says so; not saved, one
 * click saves it as "Save to reading list" on a link to it would, and it is named by its title and authors once the
 * background has read them (where no host must be asked for first), by its id until then. Nothing on other pages.
 */
export function TabPaper({ api, papers, announce }: Props) {
  const [tab, setTab] = useState<TabPaperView | null>(null);
  /** The title its save read, until the list holds the record. */
  const [savedTitle, setSavedTitle] = useState<string | null>(null);
  /** What the paper is called before it is saved (its metadata read when no host needs asking for), by the tab's address. */
  const [preview, setPreview] = useState<{ url: string; paper: TabPaperPreview } | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The line saying it is saved takes the focus from the button it replaces, once the reader's click saved it. */
  const savedLine = useRef<HTMLParagraphElement>(null);
  const focusSaved = useRef(false);

  useEffect(() => {
    let live = true;
    const read = () => void api.tabPaper().then((found) => live && setTab(found), () => live && setTab(null));
    read();
    // Saved or removed anywhere (this list, another tab, a link): its state here follows.
    const unsubscribe = api.subscribe(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  const previewUrl = tab && !tab.state ? tab.url : null;
  useEffect(() => {
    if (!tab || previewUrl === null || preview?.url === previewUrl) return;
    let live = true;
    api.previewTabPaper(tab).then(
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
  }, [tab]);

  if (!tab) return null;
  const savedId = tab.state ? tab.state.savedAs ?? tab.id : null;
  const saved = savedId === null ? undefined : papers.find((record) => record.id === savedId);
  const named = preview?.url === tab.url ? preview.paper : null;
  const title = saved?.paper.title ?? (tab.state ? savedTitle : null) ?? named?.title ?? tab.label;
  const authors = !tab.state && named ? formatAuthors(named.authors, named.authorCount) : '';

  const save = () => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    api.saveTabPaper(tab).then(
      (record) => {
        setTab({ ...tab, state: { status: record.status, tags: [...record.tags], ...(record.id === tab.id ? {} : { savedAs: record.id }) } });
        setSavedTitle(record.paper.title);
        focusSaved.current = true;
        announce(`Saved “${record.paper.title}” to the reading list.`);
      },
      (error: unknown) => setProblem(`Could not save this tab's paper: ${error instanceof Error ? error.message : String(error)}`),
    ).finally(() => setSaving(false));
  };

  return (
    <section class="tab-paper" aria-label="This tab's paper">
      <p class="tab-paper-line">
        <span class="muted">This tab:</span> <span class="tab-paper-title">{title}</span>
      </p>
      {authors && <p class="tab-paper-line muted tab-paper-authors">{authors}</p>}
      {tab.state ? (
        <p class="tab-paper-line muted" tabIndex={-1} ref={savedLine}>
          In your reading list: {STATUS_LABELS[tab.state.status].toLowerCase()}.
        </p>
      ) : (
        <button type="button" class="tab-paper-save" onClick={save} aria-disabled={saving || undefined}>
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
