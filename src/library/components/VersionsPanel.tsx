import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { focusLost } from '../../popup/keyboard';
import type { ReadingListApi } from '../../popup/api';
import { ARXIV_API_ORIGINS, VERSIONS_BATCH } from '../../background/messages';
import { arxivKey, isRevised } from '../../core/revisions';
import type { ArxivVersionEntry, SavedPaper } from '../../storage/schema';
import { countLabel, errorMessage, formatCount, formatLocalDay, revisionText } from '../../popup/format';
import { useReadingListState } from '../../popup/state-hooks';

/** Revised papers listed at once (the rest are counted). */
const SHOWN = 100;
/** A paper asked about this recently is not asked again: arXiv announces new versions once a day. */
export const ASK_AGAIN_AFTER_MS = 12 * 60 * 60_000;

interface Props {
  api: ReadingListApi;
  papers: readonly SavedPaper[];
  /** What arXiv said so far, by arXiv id (popup/arxiv-versions.ts), and how a check adds to it. */
  versions: ReadonlyMap<string, ArxivVersionEntry>;
  learn: (entries: readonly ArxivVersionEntry[]) => void;
  /** Whether `papers` is the whole list yet (a long one loads newest first): a check asks about every paper. */
  complete?: boolean;
  announce?: (message: string) => void;
}

interface Revised {
  saved: SavedPaper;
  latest: ArxivVersionEntry;
}

/**
 * "New arXiv versions": the library asks arXiv for the newest version of every saved arXiv paper (VERSIONS_BATCH a
 * request, three seconds apart as arXiv's terms ask; those never asked first, then those asked longest ago), keeps
 * what it says, and lists the papers revised since their reader saved them (core/revisions.ts), each with a link to
 * the new version and "Seen". Nothing is asked before the reader's click.
 */
export function VersionsPanel({ api, papers, versions, learn, complete = true, announce = () => {} }: Props) {
  const state = useReadingListState();
  const [granted, setGranted] = useState(true);
  const [progress, setProgress] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const stop = useRef(false);
  const list = useRef<HTMLUListElement>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    api.arxivGranted().then((yes) => live && setGranted(yes), () => undefined);
    return () => void (live = false);
  }, [api]);

  const arxiv = useMemo(() => papers.filter((saved) => arxivKey(saved.id) !== null), [papers]);
  const revised = useMemo(() => {
    const found: Revised[] = [];
    for (const saved of arxiv) {
      const latest = versions.get(arxivKey(saved.id)!);
      if (latest && isRevised(saved, latest)) found.push({ saved, latest });
    }
    return found.sort((a, b) => (b.latest.updated ?? '').localeCompare(a.latest.updated ?? '') || b.saved.savedAt - a.saved.savedAt);
  }, [arxiv, versions]);
  // Once per change of the list or of what arXiv said, not at each render: the page renders at every keystroke of its
  // search, and reading every paper's id here again took ~50 ms of each at 10,000 papers (bench/library.ts).
  const asked = useMemo(() => {
    let count = 0;
    let last = 0;
    for (const saved of arxiv) {
      const entry = versions.get(arxivKey(saved.id)!);
      if (!entry) continue;
      count++;
      last = Math.max(last, entry.checkedAt);
    }
    return { count, last };
  }, [arxiv, versions]);

  function check() {
    // Never asked first, then asked longest ago: a check stopped half-way is carried on by the next. Those asked within
    // ASK_AGAIN_AFTER_MS are not asked again.
    const askedAt = (saved: SavedPaper) => versions.get(arxivKey(saved.id)!)?.checkedAt ?? -1;
    const since = Date.now() - ASK_AGAIN_AFTER_MS;
    const order = arxiv.filter((saved) => askedAt(saved) < since).sort((a, b) => askedAt(a) - askedAt(b));
    const recent = arxiv.length - order.length;
    const notAgain = recent ? ` (${countLabel(recent)} asked in the last 12 hours ${recent === 1 ? 'was' : 'were'} not asked again)` : '';
    stop.current = false;
    setMessage('');
    if (order.length === 0) {
      setMessage(`All ${countLabel(arxiv.length)} were asked in the last 12 hours, and arXiv announces new versions once a day: nothing to ask yet.`);
      return;
    }
    // Asked inside the click, before anything is awaited (browsers grant only then).
    const access = granted ? Promise.resolve(true) : api.requestAccess(ARXIV_API_ORIGINS).catch(() => false);
    setProgress(`Asking arXiv about ${countLabel(order.length)}…`);
    // The check's button is disabled while it runs (Chromium then drops its focus, for minutes at 10,000 papers): the
    // focus goes to Stop, the one thing to do, as Export's goes to Cancel.
    const fromButton = document.activeElement === checkButton.current;
    setTimeout(() => (fromButton || focusLost()) && stopButton.current?.focus());
    void access.then(async (allowed) => {
      if (!allowed) {
        setProgress(null);
        setMessage('Not checked: Papershelf may ask arXiv (export.arxiv.org) only once you allow it.');
        focusIfLost(); // the Stop button is gone
        return;
      }
      setGranted(true);
      let done = 0;
      let published = 0;
      let problem: string | null = null;
      const learnt = new Map(versions);
      for (let i = 0; i < order.length && !stop.current; i += VERSIONS_BATCH) {
        const batch = order.slice(i, i + VERSIONS_BATCH);
        try {
          const answer = await api.checkVersions(batch.map((saved) => saved.id));
          for (const entry of answer.entries) learnt.set(entry.key, entry);
          learn(answer.entries);
          published += answer.published.length;
        } catch (error) {
          problem = errorMessage(error);
          break;
        }
        done += batch.length;
        setProgress(`Checked ${formatCount(done)} of ${formatCount(order.length)}…`);
      }
      const newer = arxiv.filter((saved) => isRevised(saved, learnt.get(arxivKey(saved.id)!))).length;
      const found = newer === 0 ? 'none has a newer version than you saved' : `${countLabel(newer)} ${newer === 1 ? 'has' : 'have'} a newer version than you saved`;
      const filled = published ? ` arXiv gave ${countLabel(published)} the journal reference or DOI ${published === 1 ? 'it' : 'they'} lacked (now in ${published === 1 ? 'its' : 'their'} details and exports).` : '';
      const said = (problem
        ? `Checked ${formatCount(done)} of ${formatCount(order.length)}, then stopped: ${problem}. Of those checked so far, ${found}.`
        : done < order.length
          ? `Stopped after ${formatCount(done)} of ${formatCount(order.length)}: ${found}.`
          : `Checked ${countLabel(done)}${notAgain}: ${found}.`) + filled;
      setProgress(null);
      setMessage(said); // said by the panel's status line: not announced twice
      focusIfLost(); // the Stop button is gone
    });
  }

  /** A focus left on a button that is gone (Stop, "All seen") goes back to the check's button, not to the page's body. */
  function focusIfLost() {
    setTimeout(() => focusLost() && checkButton.current?.focus());
  }

  /** Marked seen, the paper leaves the list: the focus goes to the next one's "Seen" (the last one's: the check's button). */
  function seen(button: HTMLButtonElement, saved: SavedPaper, latest: ArxivVersionEntry) {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(button);
    void state.markSeen(saved.id, latest.version).then(() =>
      setTimeout(() => {
        if (button.isConnected) return; // still listed (the edit failed, and the problem is said)
        const next = list.current?.querySelectorAll('button')[Math.max(0, at)];
        (next ?? checkButton.current)?.focus();
      }),
    );
  }

  const busy = progress !== null;
  return (
    <section class="panel versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">New arXiv versions</h2>
      <p class="muted">
        {arxiv.length === 0
          ? 'No arXiv paper in your list yet.'
          : asked.count === 0
            ? `arXiv has not been asked about your ${countLabel(arxiv.length)} from arXiv.`
            : `Of your ${countLabel(arxiv.length)} from arXiv, ${formatCount(asked.count)} checked, last on ${formatLocalDay(asked.last)}.`}
        {arxiv.length > 0 && ' A check sends arXiv the ids of these papers (nothing else: not your tags, notes or other papers).'}
      </p>
      <div class="actions">
        <button type="button" ref={checkButton} disabled={busy || arxiv.length === 0 || !complete} onClick={check}>
          Check arXiv for new versions
        </button>
        {busy && (
          <button type="button" ref={stopButton} onClick={() => void (stop.current = true)}>
            Stop
          </button>
        )}
        {progress && <span class="muted">{progress}</span>}
      </div>
      <p role="status" class="muted">
        {message}
      </p>
      {revised.length > 0 && (
        <>
          <ul ref={list} class="revised" aria-label="Papers with a newer version">
            {revised.slice(0, SHOWN).map(({ saved, latest }) => (
              <li key={saved.id}>
                <a href={`https://arxiv.org/abs/${latest.key}v${latest.version}`} target="_blank" rel="noreferrer">
                  {saved.paper.title}
                </a>
                <span class="muted"> {revisionText(saved, latest)}. </span>
                {latest.comment && <span class="comment">Its comment: “{latest.comment}”</span>}{latest.comment && ' '}
                <button type="button" class="link" aria-label={`Seen: v${latest.version} of “${saved.paper.title}”`} onClick={(event) => seen(event.currentTarget, saved, latest)}>
                  Seen
                </button>
              </li>
            ))}
          </ul>
          {revised.length > SHOWN && <p class="muted">And {countLabel(revised.length - SHOWN)} more, listed as you mark these seen.</p>}
          {revised.length > 1 && (
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  const all = revised.slice(0, SHOWN);
                  void Promise.all(all.map(({ saved, latest }) => state.markSeen(saved.id, latest.version))).then(() => {
                    announce(`${countLabel(all.length)} marked seen.`);
                    focusIfLost();
                  });
                }}
              >
                All {formatCount(Math.min(revised.length, SHOWN))} seen
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
