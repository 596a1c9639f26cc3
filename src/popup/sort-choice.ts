// The list's sort as the menu shows it. "Best match" ranks by a search's scores, so it is the sort only while words
// are searched for: cleared, the list goes back to the reader's own pick (the menu shows it, and it sorts), and the
// next search starts from that pick too. Held as one value, the menu said "Date saved" over a best-match sort that
// came back with the next search, and choosing "Date saved" changed nothing (the menu already showed it).
import { useEffect, useState } from 'preact/hooks';
import type { SortKey } from './list-query';

/** The sort in effect and shown, and the menu's change; `searching`: words are searched for (SortSelect offers best match). */
export function useSortChoice(searching: boolean): [SortKey, (sort: SortKey) => void] {
  const [pick, setPick] = useState<Exclude<SortKey, 'relevance'>>('saved');
  const [bestMatch, setBestMatch] = useState(false);
  // Ended with the search it was chosen for (the render that cleared it already sorts by the pick).
  useEffect(() => {
    if (!searching) setBestMatch(false);
  }, [searching]);
  const choose = (sort: SortKey) => {
    if (sort === 'relevance') {
      setBestMatch(true);
      return;
    }
    setPick(sort);
    setBestMatch(false);
  };
  return [searching && bestMatch ? 'relevance' : pick, choose];
}
