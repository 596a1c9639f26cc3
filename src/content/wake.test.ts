// @vitest-environment jsdom
// A file of its own: every startContentScript of a file stays on its document, and would answer these cards too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContentScript, WAKE_AFTER_MS } from './start';
import { userInput } from './overlay/host';
import { fakeAdapter } from '../../test/unit/fake-adapter';
import { captureClosedRoots } from '../../test/unit/closed-roots';

describe("startContentScript wakes the background as the reader reaches for a card's Save", () => {
  const roots = captureClosedRoots();
  let asked: string[];

  beforeEach(() => {
    asked = [];
    vi.spyOn(userInput, 'isUser').mockReturnValue(true); // jsdom's events stand for the user's
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        sendMessage: async ({ type }: { type: string }) => {
          asked.push(type);
          const answers: Record<string, unknown> = { tagSettings: { watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false }, lookup: {}, topics: [[], []], wake: null };
          return { ok: true, value: type in answers ? answers[type] : [] };
        },
        onMessage: { addListener: () => {} },
      },
    };
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as { browser?: unknown }).browser;
    document.body.replaceChildren();
  });

  it('once the script has sent nothing for WAKE_AFTER_MS (the worker may be stopped), and once per such silence', async () => {
    history.replaceState(null, '', '/list');
    document.body.innerHTML = '<article><a class="paper" href="/1">l</a><h3>Reward models</h3></article><article><a class="paper" href="/2">l</a><h3>Vision</h3></article>';
    startContentScript([fakeAdapter]);
    const saves = () => [...document.querySelectorAll('papershelf-overlay')].map((host) => roots.get(host)!.querySelector<HTMLButtonElement>('button.save'));
    await vi.waitFor(() => expect(saves().map((button) => button?.getAttribute('aria-busy'))).toEqual([null, null]));
    const [first, second] = saves() as [HTMLButtonElement, HTMLButtonElement];
    const reach = (button: HTMLButtonElement) => button.dispatchEvent(new PointerEvent('pointerenter'));
    const wakes = () => asked.filter((type) => type === 'wake').length;

    // The page's own messages (settings, saved states) were just sent: the background is up.
    reach(first);
    expect(wakes()).toBe(0);
    // Silence since: the pointer reaching Save wakes it, once; reaching another Save right after sends nothing more.
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now + WAKE_AFTER_MS + 1);
    reach(second);
    reach(first);
    expect(wakes()).toBe(1);
    // The same silence again: once more (the focus reaching Save too).
    clock.mockReturnValue(now + 2 * WAKE_AFTER_MS + 2);
    second.focus();
    reach(second);
    expect(wakes()).toBe(2);
    // The reader's save then goes as ever, and no wake-up follows it while it keeps the background up.
    second.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
    clock.mockReturnValue(now + 3 * WAKE_AFTER_MS);
    reach(first);
    await vi.waitFor(() => expect(asked).toContain('save'));
    expect(wakes()).toBe(2);
  });
});
