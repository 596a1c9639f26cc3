// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import { SettingsForm, type SettingsStore } from './SettingsForm';
import { tokenDigest } from '../core/token-digest';
import { validateRule, type UserRule } from '../core/tags/rules';

// The checks as they are, counted: a keystroke must not check every rule again.
vi.mock('../core/tags/rules', async (importOriginal) => {
  const rules = await importOriginal<typeof import('../core/tags/rules')>();
  return { ...rules, validateRule: vi.fn(rules.validateRule) };
});

afterEach(cleanup);

function fakeStore(initial: Partial<Settings> = {}) {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const store: SettingsStore & { current: () => Settings } = {
    current: () => current,
    read: vi.fn(async () => current),
    write: vi.fn(async (patch: Partial<Settings>) => (current = { ...current, ...patch })),
  };
  return store;
}
const TOPICS = [
  { id: 'llm', label: 'LLMs' },
  { id: 'moe', label: 'Mixture of experts' },
];

describe('SettingsForm', () => {
  it('saves the token (trimmed), watched topics and a valid rule', async () => {
    const store = fakeStore();
    render(<SettingsForm store={store} topics={TOPICS} />);
    fireEvent.input(await screen.findByLabelText(/Personal access token/), { target: { value: '  ghp_abc  ' } });
    fireEvent.click(screen.getByLabelText('Mixture of experts'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    fireEvent.input(screen.getByLabelText('Rule 1 tag'), { target: { value: 'routing' } });
    fireEvent.input(screen.getByLabelText('Rule 1 words or /regex/'), { target: { value: 'router, routing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    // Open pages follow at once (the background tells them): no reload is asked for.
    expect(screen.queryByText(/reload/)).toBeNull();
    expect(store.current()).toMatchObject({
      githubToken: 'ghp_abc',
      watchedTopics: ['moe'],
      tagRules: [{ tag: 'routing', match: 'router, routing', fields: 'both' }],
    });
  });

  it.each([
    ['Bearer ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', /without “Bearer ” or “token ”/],
    ['ghp_0123456789abcdef ghijklmnopqrstuvwxyzAB', /space or line break/],
    ['"ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"', /letters, digits and “_” only/],
    ['ghp_0123456789abcdéfghijklmnopqrstuvwxyzAB', /letters, digits and “_” only/],
  ])('refuses a token GitHub would never issue (%s), says why at the field, and keeps what was typed', async (typed, why) => {
    const store = fakeStore({ githubToken: 'ghp_old' });
    render(<SettingsForm store={store} topics={TOPICS} />);
    const field = (await screen.findByLabelText(/Personal access token/)) as HTMLInputElement;
    fireEvent.input(field, { target: { value: typed } });
    fireEvent.click(screen.getByLabelText('Mixture of experts'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/nothing was saved/);
    expect(store.write).not.toHaveBeenCalled();
    expect(store.current().githubToken).toBe('ghp_old');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toMatch(why);
    expect(field.value).toBe(typed);
    expect((screen.getByLabelText('Mixture of experts') as HTMLInputElement).checked).toBe(true);
  });

  it('saves followed authors one a line: trimmed, each once, blank lines dropped, and shows them so', async () => {
    const store = fakeStore({ followedAuthors: ['Geoffrey Hinton'] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    const field = (await screen.findByLabelText('Followed authors, one name a line')) as HTMLTextAreaElement;
    expect(field.value).toBe('Geoffrey Hinton');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toMatch(/“Y\. LeCun”/);
    fireEvent.input(field, { target: { value: 'Geoffrey Hinton\n\n  Yann   LeCun \nyann lecun\nSchölkopf\n' } });
    expect(field.value).toBe('Geoffrey Hinton\n\n  Yann   LeCun \nyann lecun\nSchölkopf\n'); // as typed while edited
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.write).toHaveBeenCalledWith({ followedAuthors: ['Geoffrey Hinton', 'Yann LeCun', 'Schölkopf'] });
    expect(field.value).toBe('Geoffrey Hinton\nYann LeCun\nSchölkopf');
  });

  it('refuses a followed name that names no one or is too long, says which line at the field, and takes the focus there', async () => {
    const store = fakeStore();
    render(<SettingsForm store={store} topics={TOPICS} />);
    const field = (await screen.findByLabelText('Followed authors, one name a line')) as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: `Yann LeCun\n1234\n${'a'.repeat(201)}` } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(error?.textContent).toBe('Line 2: a name needs letters. Line 3: a name is at most 200 characters.');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Fix the followed authors first; nothing was saved.');
    expect(store.write).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: Array.from({ length: 501 }, (_, i) => `Author ${i}`).join('\n') } });
    expect(screen.getByRole('alert').textContent).toBe('At most 500 names.');
  });

  it('counts a name given twice (in another case or spacing) once against the 500: it is saved once', async () => {
    const store = fakeStore();
    render(<SettingsForm store={store} topics={TOPICS} />);
    const field = (await screen.findByLabelText('Followed authors, one name a line')) as HTMLTextAreaElement;
    const names = Array.from({ length: 500 }, (_, i) => `Author ${i}`);
    fireEvent.input(field, { target: { value: [...names, 'author 7', '  Author   8 '].join('\n') } });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current().followedAuthors).toEqual(names);
  });

  it('says, once the typing stops, which followed names find no paper in the list yet (a misspelling, say)', async () => {
    const countFollowed = vi.fn(async (names: string[]) => names.map((name) => (name.includes('LeCun') ? 3 : 0)));
    render(<SettingsForm store={fakeStore({ followedAuthors: ['Yann LeCun'] })} topics={TOPICS} countFollowed={countFollowed} />);
    await waitFor(() => expect(document.querySelector('.followed-found')?.textContent).toBe('Every name finds papers in your list.'), { timeout: 2000 });
    expect(document.querySelector('.followed-found')?.getAttribute('role')).toBe('status');
    const field = screen.getByLabelText('Followed authors, one name a line');
    fireEvent.input(field, { target: { value: 'Yann LeCun\nGeofrey Hintn\n\n1234\nyann lecun' } });
    fireEvent.input(field, { target: { value: 'Yann LeCun\nGeofrey Hintn\n\n1234\nyann lecun\nAda Lovelace' } });
    await waitFor(() => expect(document.querySelector('.followed-found')?.textContent).toBe('1 of 3 names find papers in your list; none yet for “Geofrey Hintn”, “Ada Lovelace”.'), { timeout: 2000 });
    // Asked once for the typing (after it stopped), with the names as they would be saved: each once, none that names no one.
    expect(countFollowed.mock.calls.map(([names]) => names)).toEqual([['Yann LeCun'], ['Yann LeCun', 'Geofrey Hintn', 'Ada Lovelace']]);
  });

  it('a new token or toolbar count applies at once: no reload is asked for', async () => {
    render(<SettingsForm store={fakeStore()} topics={TOPICS} />);
    fireEvent.input(await screen.findByLabelText(/Personal access token/), { target: { value: 'ghp_abc' } });
    fireEvent.click(screen.getByLabelText(/Show how many papers are still to read/));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(screen.queryByText(/reload/)).toBeNull();
  });

  it('says, at the rules, how many tag rules are kept and what to do, and keeps every rule typed', async () => {
    const full = Array.from({ length: 1000 }, (_, i) => ({ tag: `t${i}`, match: `word${i}`, fields: 'both' as const }));
    const store = fakeStore({ tagRules: full });
    render(<SettingsForm store={store} topics={TOPICS} />);
    // Plain selectors: the queries by role or label are slow over a thousand rules' fields in jsdom.
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
    const field = (name: string) => document.querySelector<HTMLInputElement>(`[aria-label="${name}"]`)!;
    const alert = () => document.querySelector<HTMLElement>('[role="alert"]');
    await waitFor(() => expect(button('Add a rule')).toBeTruthy());
    fireEvent.click(button('Add a rule'));
    expect(alert()).toBeNull(); // a blank rule is no rule yet
    fireEvent.input(field('Rule 1001 tag'), { target: { value: 'extra' } });
    fireEvent.input(field('Rule 1001 words or /regex/'), { target: { value: 'more words' } });
    const error = alert()!;
    expect(error.textContent).toBe(
      "At most 1,000 tag rules are kept, and there are 1,001: remove 1, or join rules of one tag (a rule's words may list several, comma-separated), to save.",
    );
    expect(button('Add a rule').getAttribute('aria-describedby')).toBe(error.id);
    fireEvent.click(button('Save settings'));
    await waitFor(() => expect(document.body.textContent).toContain('Fix the number of tag rules first; nothing was saved.'));
    expect(store.write).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(error);
    expect(field('Rule 1001 words or /regex/').value).toBe('more words');
    // One removed, it saves.
    fireEvent.click(button('Remove rule 1'));
    expect(alert()).toBeNull();
    fireEvent.click(button('Save settings'));
    await waitFor(() => expect(document.body.textContent).toContain('Saved.'));
    expect(store.current().tagRules).toHaveLength(1000);
    expect(store.current().tagRules.at(-1)).toEqual({ tag: 'extra', match: 'more words', fields: 'both' });
  }, 30_000);

  it('refuses to save a catastrophic regex and says why', async () => {
    const store = fakeStore({ tagRules: [{ tag: 'x', match: '/(a+)+$/', fields: 'title' }] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Rule 1:/);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/nothing was saved/);
    expect(store.write).not.toHaveBeenCalled();
  });

  it('marks the field a rule fails on, tells a screen reader why there, and takes the focus to it on Save', async () => {
    const store = fakeStore({
      tagRules: [
        { tag: 'ok', match: 'router', fields: 'both' },
        { tag: 'x', match: '/(a+)+$/', fields: 'title' },
        { tag: 'bad tag!', match: 'words', fields: 'both' },
      ],
    });
    render(<SettingsForm store={store} topics={TOPICS} />);
    const match2 = (await screen.findByLabelText('Rule 2 words or /regex/')) as HTMLInputElement;
    const described = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(match2.getAttribute('aria-invalid')).toBe('true');
    expect(described(match2)).toMatch(/^Rule 2: The pattern repeats a group/);
    expect(screen.getByLabelText('Rule 2 tag').getAttribute('aria-invalid')).toBeNull();
    const tag3 = screen.getByLabelText('Rule 3 tag');
    expect(tag3.getAttribute('aria-invalid')).toBe('true');
    expect(described(tag3)).toMatch(/^Rule 3: The tag may only contain/);
    expect(screen.getByLabelText('Rule 3 words or /regex/').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Rule 1 tag').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/nothing was saved/);
    expect(document.activeElement).toBe(match2);
  });

  it('checks a rule again only when it is edited: every keystroke checked every rule (200-300 ms at 1,000 rules)', async () => {
    const tagRules: UserRule[] = Array.from({ length: 200 }, (_, i) => ({ tag: `t${i}`, match: i % 2 ? `/word${i}s?/i` : `word${i}, other${i}`, fields: 'both' }));
    tagRules[150] = { tag: 'x', match: '/(a+)+$/', fields: 'title' };
    render(<SettingsForm store={fakeStore({ tagRules })} topics={TOPICS} />);
    const match1 = await screen.findByLabelText('Rule 1 words or /regex/');
    const checks = vi.mocked(validateRule);
    checks.mockClear();
    fireEvent.input(screen.getByLabelText(/Personal access token/), { target: { value: 'ghp_abc' } });
    expect(checks).not.toHaveBeenCalled();
    fireEvent.input(match1, { target: { value: '/(b+)+$/' } });
    // The rule edited, and its tag alone (which field to mark): none of the other 199.
    expect(checks.mock.calls.map(([rule]) => rule.tag)).toEqual(['t0', 't0']);
    expect(match1.getAttribute('aria-invalid')).toBe('true');
    // The rule left alone keeps its error.
    expect(screen.getByLabelText('Rule 151 words or /regex/').getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(match1, { target: { value: 'routing' } });
    expect(match1.getAttribute('aria-invalid')).toBeNull();
  });

  it('turns relevance marks off, and resets the model on request', async () => {
    const store = fakeStore();
    const resetRelevance = vi.fn(async () => ({ papers: 12 }));
    render(<SettingsForm store={store} topics={TOPICS} resetRelevance={resetRelevance} />);
    const toggle = (await screen.findByLabelText('Mark relevant cards on listing pages')) as HTMLInputElement;
    expect(toggle.checked).toBe(true); // on by default
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current().relevance).toEqual({ enabled: false });
    fireEvent.click(screen.getByRole('button', { name: 'Reset relevance model' }));
    await screen.findByText('Rebuilt from 12 saved papers.');
    expect(resetRelevance).toHaveBeenCalledTimes(1);
  });

  it('saves only what this page changed: a change saved meanwhile elsewhere (another options tab) is kept', async () => {
    const store = fakeStore({ toolbarCount: true, watchedTopics: [] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    fireEvent.click(await screen.findByLabelText('Mixture of experts'));
    // Another options tab turns the toolbar count off and saves, while this one is still open.
    await store.write({ toolbarCount: false, githubToken: 'ghp_other' });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current()).toMatchObject({ watchedTopics: ['moe'], toolbarCount: false, githubToken: 'ghp_other' });
    // And the page now shows what is stored, the other tab's change included.
    expect((screen.getByLabelText(/Show how many papers are still to read/) as HTMLInputElement).checked).toBe(false);
  });

  it('back on this page, what another options tab saved meanwhile shows in every field not edited here, and is kept', async () => {
    const store = fakeStore({ tagRules: [], watchedTopics: [] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    fireEvent.click(await screen.findByLabelText('Mixture of experts')); // edited here, not saved yet
    // Another options tab adds a rule and watches LLMs; the reader comes back to this one.
    await store.write({ tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], watchedTopics: ['llm'] });
    const reads = vi.mocked(store.read).mock.calls.length;
    fireEvent(document, new Event('visibilitychange')); // a tab switch brings both: the settings are read once
    fireEvent(window, new Event('focus'));
    expect(((await screen.findByLabelText('Rule 1 tag')) as HTMLInputElement).value).toBe('rl');
    expect(vi.mocked(store.read).mock.calls.length - reads).toBe(1);
    expect((screen.getByLabelText('Mixture of experts') as HTMLInputElement).checked).toBe(true); // the edit here stands
    expect((screen.getByLabelText('LLMs') as HTMLInputElement).checked).toBe(true); // and so does the one made there
    // A second rule added here joins the other tab's, instead of replacing it.
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    fireEvent.input(screen.getByLabelText('Rule 2 tag'), { target: { value: 'routing' } });
    fireEvent.input(screen.getByLabelText('Rule 2 words or /regex/'), { target: { value: 'router' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current()).toMatchObject({
      watchedTopics: ['moe', 'llm'],
      tagRules: [
        { tag: 'rl', match: 'reward', fields: 'both' },
        { tag: 'routing', match: 'router', fields: 'both' },
      ],
    });
  });

  it('a list changed both here and in another options tab keeps both changes: a rule removed there stays removed, one added here is kept', async () => {
    const rl = { tag: 'rl', match: 'reward', fields: 'both' as const };
    const moe = { tag: 'moe', match: 'experts', fields: 'both' as const };
    const store = fakeStore({ tagRules: [rl, moe], followedAuthors: ['Yann LeCun'] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    // Here: a rule added and a name added, not saved yet.
    fireEvent.click(await screen.findByRole('button', { name: 'Add a rule' }));
    fireEvent.input(screen.getByLabelText('Rule 3 tag'), { target: { value: 'routing' } });
    fireEvent.input(screen.getByLabelText('Rule 3 words or /regex/'), { target: { value: 'router' } });
    fireEvent.input(screen.getByLabelText('Followed authors, one name a line'), { target: { value: 'Yann LeCun\nFei-Fei Li ' } });
    // There: the first rule removed, and another name followed.
    await store.write({ tagRules: [moe], followedAuthors: ['Yann LeCun', 'Geoffrey Hinton'] });
    fireEvent(window, new Event('focus'));
    await waitFor(() => expect((screen.getByLabelText('Rule 1 tag') as HTMLInputElement).value).toBe('moe'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current()).toMatchObject({
      tagRules: [moe, { tag: 'routing', match: 'router', fields: 'both' }],
      followedAuthors: ['Yann LeCun', 'Fei-Fei Li', 'Geoffrey Hinton'],
    });
  });

  it('keeps what is typed while a save is on its way (the background waking up), for the next Save', async () => {
    const store = fakeStore();
    const write = store.write;
    let arrive = () => {};
    store.write = vi.fn((patch: Partial<Settings>) => new Promise<Settings>((resolve) => (arrive = () => void write(patch).then(resolve))));
    render(<SettingsForm store={store} topics={TOPICS} />);
    fireEvent.click(await screen.findByLabelText('Mixture of experts'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    fireEvent.click(screen.getByLabelText(/Show how many papers are still to read/)); // typed before the answer
    fireEvent.input(screen.getByLabelText('Followed authors, one name a line'), { target: { value: 'Yann LeCun' } });
    arrive();
    await screen.findByText('Saved.');
    expect(store.current()).toMatchObject({ watchedTopics: ['moe'], toolbarCount: true, followedAuthors: [] });
    expect((screen.getByLabelText(/Show how many papers are still to read/) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Followed authors, one name a line') as HTMLTextAreaElement).value).toBe('Yann LeCun');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    arrive();
    await waitFor(() => expect(store.current()).toMatchObject({ watchedTopics: ['moe'], toolbarCount: false, followedAuthors: ['Yann LeCun'] }));
  });

  it('says when the settings could not be read, instead of loading forever, and reads them again on request', async () => {
    const store = fakeStore({ watchedTopics: ['llm'] });
    vi.mocked(store.read).mockRejectedValueOnce(new Error('storage is unavailable'));
    render(<SettingsForm store={store} topics={TOPICS} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not read the settings: storage is unavailable/);
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull(); // nothing to overwrite them with
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(((await screen.findByLabelText('LLMs')) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the reset failed', async () => {
    render(<SettingsForm store={fakeStore()} topics={TOPICS} resetRelevance={async () => Promise.reject(new Error('IndexedDB is unavailable'))} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset relevance model' }));
    await screen.findByText('Could not reset: IndexedDB is unavailable');
  });

  it('warns, at the token field, that GitHub rejected the saved token; not for another token, and not once a new one is saved', async () => {
    const revoked = 'ghp_revoked0123456789abcdefghijklmnopqrstu';
    const digest = await tokenDigest(revoked);
    const store = fakeStore({ githubToken: revoked });
    render(<SettingsForm store={store} topics={TOPICS} rejectedTokenDigest={async () => digest} />);
    const field = await screen.findByLabelText(/Personal access token/);
    const warning = await screen.findByText(/GitHub rejected this token \(401\) the last time it was used; badges are fetched without it\. Paste a new token\./);
    expect(field.getAttribute('aria-describedby')).toBe(warning.id);
    fireEvent.input(field, { target: { value: 'ghp_replaced0123456789abcdefghijklmnopqrs' } });
    expect(screen.queryByText(/GitHub rejected this token/)).toBeNull(); // about the saved token, not what is typed
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByText(/GitHub rejected this token/)).toBeNull();
    expect(field.hasAttribute('aria-describedby')).toBe(false);
  });

  it('warns at once when GitHub rejects the saved token while the page is open, with no reload', async () => {
    const token = 'ghp_soonrevoked0123456789abcdefghijklmnopq';
    let rejected: string | null = null;
    const read = vi.fn(async () => rejected);
    const listeners = new Set<() => void>();
    const store = fakeStore({ githubToken: token });
    render(
      <SettingsForm
        store={store}
        topics={TOPICS}
        rejectedTokenDigest={read}
        watchRejectedToken={(listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        }}
      />,
    );
    const field = await screen.findByLabelText(/Personal access token/);
    await waitFor(() => expect(read).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByText(/GitHub rejected this token/)).toBeNull();
    // The background records the 401 while the page is open.
    rejected = await tokenDigest(token);
    for (const listener of listeners) listener();
    const warning = await screen.findByText(/GitHub rejected this token \(401\)/);
    expect(field.getAttribute('aria-describedby')).toBe(warning.id);
    cleanup();
    await waitFor(() => expect(listeners.size).toBe(0)); // a page that goes stops listening
  });

  it('never calls a token just saved rejected, not even while it is being checked', async () => {
    const revoked = 'ghp_revoked0123456789abcdefghijklmnopqrstu';
    const digest = await tokenDigest(revoked);
    render(<SettingsForm store={fakeStore({ githubToken: revoked })} topics={TOPICS} rejectedTokenDigest={async () => digest} />);
    const field = await screen.findByLabelText(/Personal access token/);
    await screen.findByText(/GitHub rejected this token/);
    fireEvent.input(field, { target: { value: 'ghp_replaced0123456789abcdefghijklmnopqrs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(screen.queryByText(/GitHub rejected this token/)).toBeNull(); // at once, not after the new token's check
    expect(field.hasAttribute('aria-describedby')).toBe(false);
  });

  it('a rule added takes the focus to its tag; a rule removed hands the focus to the rule in its place, or to Add a rule', async () => {
    const rules = [
      { tag: 'one', match: 'first', fields: 'both' as const },
      { tag: 'two', match: 'second', fields: 'both' as const },
    ];
    render(<SettingsForm store={fakeStore({ tagRules: rules })} topics={TOPICS} />);
    const add = await screen.findByRole('button', { name: 'Add a rule' });
    add.focus();
    fireEvent.click(add);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Rule 3 tag')));
    const remove = (n: number) => {
      const button = screen.getByRole('button', { name: `Remove rule ${n}` });
      button.focus();
      fireEvent.click(button);
    };
    remove(1); // the rule that was second is now the first
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Rule 1 tag')));
    expect((document.activeElement as HTMLInputElement).value).toBe('two');
    remove(2); // the last: the one before it
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Rule 1 tag')));
    remove(1); // none left
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a rule' })));
  });

  it('a rule just added and still blank is no error: nothing is said against it, and Save leaves it out', async () => {
    const store = fakeStore({ tagRules: [{ tag: 'one', match: 'first', fields: 'both' }] });
    render(<SettingsForm store={store} topics={TOPICS} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a rule' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Rule 2 tag')));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Rule 2 tag').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByLabelText('Mixture of experts'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    expect(store.current().tagRules).toEqual([{ tag: 'one', match: 'first', fields: 'both' }]);
    expect(store.current().watchedTopics).toEqual(['moe']);
    // Half filled in, it is a rule, and its error is said.
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    fireEvent.input(await screen.findByLabelText('Rule 2 tag'), { target: { value: 'two' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Rule 2: The match is empty/);
  });

  it('does not go on saying "Saved." once something is changed again', async () => {
    render(<SettingsForm store={fakeStore()} topics={TOPICS} />);
    fireEvent.click(await screen.findByLabelText('Mixture of experts'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved.');
    fireEvent.click(screen.getByLabelText('LLMs')); // not saved
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('says nothing about a saved token GitHub did not reject', async () => {
    const store = fakeStore({ githubToken: 'ghp_good0123456789abcdefghijklmnopqrstuvw' });
    render(<SettingsForm store={store} topics={TOPICS} rejectedTokenDigest={async () => tokenDigest('ghp_revoked0123456789abcdefghijklmnopqrstu')} />);
    await screen.findByLabelText(/Personal access token/);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByText(/GitHub rejected this token/)).toBeNull();
  });
});
