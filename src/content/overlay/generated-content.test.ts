// The overlays draw their text as CSS generated content (host.ts SHOWN_TEXT_STYLE), which screen readers read as text:
// the shown text must stay so, and a decoration drawn the same way must not ("★ Ada" was read "black star Ada").
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const DIR = new URL('.', import.meta.url);

/** Every rule of the overlays' style text (in their source files) with a `content`, and its `content` values in order. */
function contentRules(): { file: string; selector: string; values: string[] }[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) =>
      [...readFileSync(new URL(file, DIR), 'utf8').matchAll(/([^{}`;]+)\{([^{}]*)\}/g)]
        .map(([, selector, body]) => ({
          file,
          selector: selector!.trim(),
          values: [...body!.matchAll(/(?<![-\w])content\s*:\s*([^;]*)/g)].map(([, value]) => value!.trim()),
        }))
        .filter((rule) => rule.values.length > 0),
    );
}

const SHOWN_TEXT = 'attr(data-text)';
/** Strings only, with empty alternative text after the `/`: drawn, never read. */
const DECORATION = /^("[^"]*"\s*)+\/\s*""$/;

it('generates only the shown text (read as text) or decoration with empty alternative text, after a fallback for browsers without it', () => {
  const rules = contentRules();
  expect(rules.map((rule) => rule.file)).toEqual(expect.arrayContaining(['host.ts', 'tag-chips.ts']));
  const wrong = rules.filter(({ values }) => {
    const last = values.at(-1)!;
    if (last === SHOWN_TEXT) return values.length !== 1;
    // A browser that does not know the alternative text drops the declaration: the one before it is drawn instead.
    return !DECORATION.test(last) || values.at(-2) !== last.replace(/\s*\/\s*""$/, '');
  });
  expect(wrong).toEqual([]);
  // Each of a followed author's chip's pseudo-elements: the star's drawn only, the name's read.
  const author = (pseudo: string) => rules.find((rule) => rule.selector === `.chip[data-kind="author"]::${pseudo}`)?.values.at(-1);
  expect([author('before'), author('after')]).toEqual(['"★ " / ""', SHOWN_TEXT]);
});
