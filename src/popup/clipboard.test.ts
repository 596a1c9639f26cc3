import { describe, expect, it, vi } from 'vitest';
import { writeWhenMade } from './clipboard';

/** A ClipboardItem as the browsers' (a type's data may be a promise), and a clipboard that reads it. */
class Item {
  constructor(readonly data: Record<string, string | Blob | Promise<string | Blob>>) {}
}
function pageClipboard(refuse?: Error) {
  const written: string[] = [];
  const clipboard = {
    write: vi.fn(async (items: Item[]) => {
      const blob = await items[0]!.data['text/plain'];
      if (refuse) throw refuse;
      written.push(typeof blob === 'string' ? blob : await blob!.text());
    }),
    writeText: vi.fn(async (text: string) => void written.push(text)),
  };
  return { clipboard, written, deps: { clipboard: clipboard as never, Item: Item as never } };
}

describe('writeWhenMade', () => {
  it('asks for the write at once, with the text to come, and the clipboard gets the text once made', async () => {
    const { clipboard, written, deps } = pageClipboard();
    let make!: (text: string) => void;
    const done = writeWhenMade(new Promise((resolve) => (make = resolve)), deps);
    expect(clipboard.write).toHaveBeenCalledTimes(1); // in the click, before the text is made
    expect(written).toEqual([]);
    make('@misc{lovelace2026sparse,\n}');
    await done;
    expect(written).toEqual(['@misc{lovelace2026sparse,\n}']);
    expect(clipboard.writeText).not.toHaveBeenCalled();
  });

  it("says the text's own error when making it failed, and the clipboard's when it refused", async () => {
    const failed = pageClipboard(new DOMException('The request is not allowed.', 'NotAllowedError'));
    await expect(writeWhenMade(Promise.reject(new Error('The database is closed.')), failed.deps)).rejects.toThrow('The database is closed.');
    await expect(writeWhenMade(Promise.resolve('text'), failed.deps)).rejects.toThrow('The request is not allowed.');
  });

  it('writes the text once made where the page has no ClipboardItem', async () => {
    const { clipboard, written } = pageClipboard();
    await writeWhenMade(Promise.resolve('plain'), { clipboard: { writeText: clipboard.writeText } });
    expect(written).toEqual(['plain']);
  });
});
