import { describe, expect, it } from 'vitest';
import { isPaperDocument, shortcutAction, unansweredShortcut } from './shortcut';

describe('isPaperDocument: an address that shows the paper itself, where no content script runs', () => {
  it.each([
    'https://arxiv.org/pdf/2606.41234v2',
    'https://arxiv.org/pdf/2606.41234.pdf',
    'https://export.arxiv.org/pdf/hep-th/9901001v1',
    'https://arxiv.org/html/2606.41234v1',
    'https://ar5iv.labs.arxiv.org/html/1706.03762',
    'https://openreview.net/pdf?id=Xk9pQ2vN7a',
    'https://openreview.net/attachment?id=Xk9pQ2vN7a&name=pdf',
    'https://aclanthology.org/2023.acl-long.1.pdf',
    'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf',
    'https://example.org/papers/Some.PDF',
    'https://dl.acm.org/doi/10.1145/3580305.3599256', // a publisher's page of one paper: no content script there either
    'https://www.nature.com/articles/nature14539',
  ])('%s is one', (url) => expect(isPaperDocument(url)).toBe(true));

  it.each([
    'https://arxiv.org/abs/2606.41234',
    'https://arxiv.org/list/cs.LG/new',
    'https://huggingface.co/papers/2606.41234',
    'https://openreview.net/forum?id=Xk9pQ2vN7a',
    'https://aclanthology.org/2023.acl-long.1/',
    'https://example.org/pdf/notes', // a "/pdf/" folder elsewhere is nobody's PDF
    'https://dl.acm.org/toc/tkdd/2023/17/1', // a publisher's table of contents
    'file:///home/me/2606.41234.pdf',
    'not a url',
  ])('%s is not', (url) => expect(isPaperDocument(url)).toBe(false));
});

describe('shortcutAction: what the shortcut does in the tab in front', () => {
  it("saves the paper a PDF's address names, from that address", () => {
    expect(shortcutAction({ id: 7, url: 'https://arxiv.org/pdf/2606.41234v2' })).toEqual({ kind: 'document', url: 'https://arxiv.org/pdf/2606.41234v2' });
  });

  it("saves the paper of a publisher's page from its address", () => {
    const url = 'https://link.springer.com/chapter/10.1007/978-3-031-19775-8_1';
    expect(shortcutAction({ id: 7, url })).toEqual({ kind: 'document', url });
  });

  it("on any other page, tells the tab's content script (which toggles the card under the pointer or in focus)", () => {
    expect(shortcutAction({ id: 7, url: 'https://arxiv.org/list/cs.LG/new' })).toEqual({ kind: 'card', tabId: 7 });
    // A tab whose address the extension may not read (no activeTab grant): its content script, if any, knows.
    expect(shortcutAction({ id: 7 })).toEqual({ kind: 'card', tabId: 7 });
  });

  it('does nothing for a PDF that names no paper Papershelf knows, or without a tab', () => {
    expect(shortcutAction({ id: 7, url: 'https://example.org/papers/report.pdf' })).toBeNull();
    expect(shortcutAction(undefined)).toBeNull();
    expect(shortcutAction({ url: 'https://example.org/' })).toBeNull();
  });
});

describe('unansweredShortcut: a card page whose content script did not take the shortcut (none there)', () => {
  it.each([
    'https://openreview.net/forum?id=Xk9pQ2vN7a', // OpenReview not turned on
    'https://aclanthology.org/2023.acl-long.1/',
    'https://proceedings.mlr.press/v202/exemplo23a.html',
    'https://arxiv.org/abs/2606.41234', // a tab opened before the extension was installed
    'https://huggingface.co/papers/2606.41234',
  ])('%s: its paper is saved', (url) => expect(unansweredShortcut(url)).toBe(url));

  it.each(['https://arxiv.org/list/cs.LG/new', 'https://huggingface.co/papers', 'https://openreview.net/group?id=ICLR.cc/2024/Conference', 'https://example.org/', undefined])(
    '%s: nothing (no one paper)',
    (url) => expect(unansweredShortcut(url)).toBeNull(),
  );
});
