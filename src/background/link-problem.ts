// The last failed save from a link's context menu, kept in storage.session (extension pages only) until the popup
// shows it; while it is there the toolbar button shows "!" (./toolbar-count.ts). Shared by the background and the
// popup, so it imports nothing else of the background's.
import browser from 'webextension-polyfill';

export const LINK_PROBLEM_KEY = 'linkSaveProblem';

export async function readLinkProblem(): Promise<string | null> {
  try {
    const problem = (await browser.storage.session.get(LINK_PROBLEM_KEY))[LINK_PROBLEM_KEY];
    return typeof problem === 'string' ? problem : null;
  } catch {
    return null; // no session storage: the count is still shown
  }
}

/** The last failure, for the popup to show; taking it clears the mark (the background recounts on the change). */
export async function takeLinkProblem(): Promise<string | null> {
  const problem = await readLinkProblem();
  if (problem) await browser.storage.session.remove(LINK_PROBLEM_KEY);
  return problem;
}
