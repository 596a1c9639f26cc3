// @vitest-environment jsdom
import { beforeEach, expect, it, vi } from 'vitest';
import { shownText, userInput } from './host';
import { createTagChips, type Tag } from './tag-chips';

// jsdom's clicks are all a script's: here they stand for the user's.
beforeEach(() => void vi.spyOn(userInput, 'isUser').mockReturnValue(true));

const topics = (...labels: string[]): Tag[] => labels.map((label) => ({ label, kind: 'topic', watched: false }));

function chips(tags: readonly Tag[]) {
  const view = createTagChips(document, () => {});
  document.body.replaceChildren(view.element);
  view.setTags(tags);
  const more = () => view.element.querySelector<HTMLButtonElement>('.more')!;
  return { view, more };
}

it('leaves the "⋯" button out of the Tab order and the accessibility tree while no tag is behind a count', () => {
  // It is there for the pointer, seen only when the row's line is full (host.ts); keys reach every control on a line
  // left off (the row scrolls to it) and a screen reader reads them all, so on every card it was a stop that did nothing.
  const { more } = chips(topics('LLMs'));
  expect(shownText(more())).toBe('⋯');
  expect(more().tabIndex).toBe(-1);
  expect(more().getAttribute('aria-hidden')).toBe('true');
  // Clicked (a pointer), the row opens, and "less" is a control like any other.
  more().click();
  expect(shownText(more())).toBe('less');
  expect(more().tabIndex).toBe(0);
  expect(more().hasAttribute('aria-hidden')).toBe(false);
  expect(more().getAttribute('aria-label')).toBe('less: show fewer tags');
  // Closed with keys ("less" focused), the focus stays on the button, which a screen reader then still finds.
  more().focus();
  more().click();
  expect([shownText(more()), document.activeElement === more(), more().hasAttribute('aria-hidden')]).toEqual(['⋯', true, false]);
});

it('names the "+N" button for the tags it shows, one or more', () => {
  const { view, more } = chips(topics('a', 'b', 'c', 'd'));
  // Each begins with the text shown, for voice control (WCAG 2.5.3).
  expect([shownText(more()), more().getAttribute('aria-label'), more().tabIndex, more().hasAttribute('aria-hidden')]).toEqual(['+1', '+1: show 1 more tag', 0, false]);
  view.setTags(topics('a', 'b', 'c', 'd', 'e'));
  expect([shownText(more()), more().getAttribute('aria-label')]).toEqual(['+2', '+2: show 2 more tags']);
});

it('keeps the focus in the chips when the focused one goes behind "+N" (a tag saved in another tab comes first)', () => {
  const { view, more } = chips(topics('a', 'b', 'c', 'd'));
  const chip = (label: string) => [...view.element.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => shownText(b) === label);
  chip('c')!.focus();
  view.setTags([{ label: 'mine', kind: 'user', watched: false }, ...topics('a', 'b', 'c', 'd')]);
  expect(chip('c')).toBeUndefined();
  expect([document.activeElement === more(), shownText(more())]).toEqual([true, '+2']);
  // A chip still shown keeps it, as before.
  chip('b')!.focus();
  view.setTags(topics('a', 'b'));
  expect(document.activeElement).toBe(chip('b'));
});

it("shows a followed author's name after the star: a ::before of the chips' style that replaces the text draws it, or its ::after does", async () => {
  // What a chip shows is generated content (host.ts SHOWN_TEXT_STYLE, `[data-text]::before`): a more specific
  // `::before` with a content of its own replaced the name, and the chip showed "★ " alone, read out as "star".
  const { TAG_STYLE } = await import('./tag-chips');
  // Read from the style's text: jsdom's CSSOM drops a `content` of attr() alone, and alternative text after a `/`.
  const rules = [...TAG_STYLE.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .map(([, selector, body]) => ({ selector: selector!.trim(), content: [...body!.matchAll(/(?<![-\w])content\s*:\s*([^;]*)/g)].at(-1)?.[1]!.trim() }))
    .filter((rule) => rule.content);
  const before = rules.filter((rule) => /::?before$/.test(rule.selector));
  expect(before.map((rule) => rule.selector)).toEqual(['.chip[data-kind="author"]::before']);
  for (const rule of before) {
    const after = rules.find((other) => other.selector === rule.selector.replace(/::?before$/, '::after'));
    expect([rule.content, after?.content].some((content) => content?.includes('attr(data-text)'))).toBe(true);
  }
});

it('a double click on a chip marks its tag (its second click does not clear it), and on "+N" shows the tags', () => {
  const marked: string[] = [];
  const view = createTagChips(document, (label) => marked.push(label));
  document.body.replaceChildren(view.element);
  view.setTags(topics('a', 'b', 'c', 'd'));
  /** A click as the browser counts it: `detail` is its place in a double click. */
  const click = (target: Element, detail: number) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail }));
  const chip = view.element.querySelector('.chip')!;
  click(chip, 1);
  click(chip, 2);
  expect(marked).toEqual(['a']);
  const more = () => view.element.querySelector('.more')!;
  click(more(), 1);
  click(more(), 2); // drawn anew by the first click: the second lands on its successor
  expect(shownText(more())).toBe('less');
  click(more(), 1);
  expect(shownText(more())).toBe('+1');
});
