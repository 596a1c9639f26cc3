import { useCallback } from 'preact/hooks';
import type { ReadingListApi } from '../api';
import type { SavedPaper } from '../../storage/schema';
import { AddressedPaper } from './AddressedPaper';

interface Props {
  api: ReadingListApi;
  papers: readonly SavedPaper[];
  announce: (message: string) => void;
}

/**
 * The paper the reader's tab shows, when its address names one: above all a PDF (arxiv.org/pdf/…, OpenReview's,
 * a proceedings PDF, a publisher's), where no content script runs and so no card offers a Save. Nothing on other pages.
 */
export function TabPaper({ api, papers, announce }: Props) {
  const find = useCallback(() => api.tabPaper(), [api]);
  return <AddressedPaper api={api} papers={papers} announce={announce} find={find} name="This tab's paper" lead="This tab:" subject="this tab's paper" />;
}
