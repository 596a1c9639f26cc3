// Text put on the clipboard from a click, when the text takes a while to make (the export code loaded, the whole list
// read for citation keys). A browser lets a page write to the clipboard only shortly after the reader's action: Firefox
// refused the first Copy BibTeX of a 10,000-paper list, whose text came after that. So the write is asked for at once,
// inside the click, with the text to come (a ClipboardItem takes a promise); where there is no ClipboardItem, the text
// is written once it is made.

interface ClipboardLike {
  write?(items: ClipboardItem[]): Promise<void>;
  writeText(text: string): Promise<void>;
}

export interface ClipboardDeps {
  clipboard: ClipboardLike;
  /** The ClipboardItem constructor, where the page has one. */
  Item?: typeof ClipboardItem;
}

const pageDeps = (): ClipboardDeps => ({ clipboard: navigator.clipboard, Item: typeof ClipboardItem === 'function' ? ClipboardItem : undefined });

/**
 * Put `text` on the clipboard once it is made, the write asked for now (call it inside the click). Rejects with the
 * text's own error when making it failed (not the clipboard's word for an item that never came), else the clipboard's.
 */
export function writeWhenMade(text: Promise<string>, { clipboard, Item }: ClipboardDeps = pageDeps()): Promise<void> {
  if (!Item || !clipboard.write) return text.then((made) => clipboard.writeText(made));
  const blob = text.then((made) => new Blob([made], { type: 'text/plain' }));
  return clipboard.write([new Item({ 'text/plain': blob })]).catch(async (error: unknown) => {
    await text; // its error, if it failed
    throw error;
  });
}
