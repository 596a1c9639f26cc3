import type { RefObject } from 'preact';
import { useCallback } from 'preact/hooks';
import type { ReadingListApi } from '../api';
import { onePaperAddress } from '../../core/address-ids';
import { pastedAddresses } from '../../core/typed-address';
import type { SavedPaper } from '../../storage/schema';
import { AddressedPaper } from './AddressedPaper';

interface Props {
  api: ReadingListApi;
  papers: readonly SavedPaper[];
  announce: (message: string) => void;
  /** What the search box holds. */
  text: string;
  /** Its save while it offers one, for Enter in the search box. */
  saveRef?: RefObject<(() => void) | null>;
}

/**
 * The paper the search box's text names, when it holds one arXiv id, DOI or paper's address (pasted from a talk's slide,
 * a mail, a chat, a reference list): in the list or not, and one click saves it as a link to it would be saved. Nothing
 * for words alone, nor for several papers (the library's "Add papers by id" takes a list).
 */
export function TypedPaper({ api, papers, announce, text, saveRef }: Props) {
  // One paper among the words too: a citation pasted whole ("… arXiv:1706.03762 [cs.CL]") names it.
  // One paper named more than once too (arXiv's "Cite as": its id, that version's, its DOI).
  const address = onePaperAddress(pastedAddresses(text).addresses);
  const find = useCallback(() => (address ? api.typedPaper(address) : Promise.resolve(null)), [api, address]);
  if (!address) {
    if (saveRef) saveRef.current = null;
    return null;
  }
  // Its own state per address: a preview, a failed save, a title read for another paper are not this one's.
  return <AddressedPaper key={address} api={api} papers={papers} announce={announce} find={find} name="The paper you typed" lead="You typed:" subject="this paper" saveRef={saveRef} />;
}
