// The paper the reader is typing in (its note, saved as it is typed, or a tag) stays in the popup's list, where it was,
// while the focus is in it: under a search of its note's words, or `-has:note`, a save mid-note took it out of the
// list, its editor with it, and the next keys went to the list's item in its place ("3" marked that other paper done);
// so did a change made in another tab under a filter, mid-tag.
import { useMemo, useRef } from 'preact/hooks';
import type { SavedPaper } from '../storage/schema';

/** `papers` with `kept` (the record as stored now) at the place it last had among them, if the query no longer keeps it. */
export function useKeptPaper(papers: readonly SavedPaper[], kept: SavedPaper | undefined): readonly SavedPaper[] {
  const at = useRef(0);
  return useMemo(() => {
    if (!kept) return papers;
    const index = papers.findIndex((saved) => saved.id === kept.id);
    if (index >= 0) {
      at.current = index;
      return papers;
    }
    return [...papers.slice(0, at.current), kept, ...papers.slice(at.current)];
  }, [papers, kept]);
}
