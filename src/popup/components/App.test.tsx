// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeSaved } from '../fake-api';
import { formatLocalDay } from '../format';
import { memoryFirstPaint } from '../first-paint';
import { App } from './App';
import { renderPopup } from './render-popup';

afterEach(cleanup);

const saved = makeSaved;
const titles = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('item')).map((li) => li.querySelector('.title')!.textContent);

describe('popup App', () => {
  it('shows a clear empty state', async () => {
    renderPopup([]);
    expect(await screen.findByText('Your reading list is empty.')).toBeTruthy();
  });

  it("draws the popup's copy of the newest papers at once, marked busy, then the background's list in its place", async () => {
    const copy = [saved('arxiv:2607.00009', 'Removed since the last open', 3000), saved('arxiv:2607.00001', 'Older paper', 1000)];
    const { api, container } = renderPopup([saved('arxiv:2607.00001', 'Older paper', 1000), saved('arxiv:2607.00002', 'Newer paper', 2000)], {
      stateOptions: { firstPaint: memoryFirstPaint(copy) },
    });
    // The first render, before any answer: the copy, busy, and no claim about the list's size.
    expect(titles()).toEqual(['Removed since the last open', 'Older paper']);
    expect(container.querySelector('.scroll')!.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Updating…')).toBeTruthy();
    await waitFor(() => expect(titles()).toEqual(['Newer paper', 'Older paper']));
    expect(container.querySelector('.scroll')!.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByText('2 papers')).toBeTruthy();
    expect(api.list).toHaveBeenCalled();
  });

  it('lists papers newest first with a link to the paper and where it was saved', async () => {
    renderPopup([saved('arxiv:2607.00001', 'Older paper', 1000), saved('arxiv:2607.00002', 'Newer paper', 2000)]);
    const links = await screen.findAllByRole('link', { name: /paper$/ });
    expect(links.map((a) => a.textContent)).toEqual(['Newer paper', 'Older paper']);
    expect(links[0]!.getAttribute('href')).toBe('https://huggingface.co/papers/2607.00002');
    expect(within(screen.getByRole('list', { name: 'Reading list' })).getAllByText('Hugging Face')).toHaveLength(2);
    expect(screen.getByText('2 papers')).toBeTruthy();
  });

  it('shows authors, date, tags, repository badge, status and the note’s first line', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Full paper', 1000, { tags: ['moe', 'long context'], status: 'reading', note: '\nRead section 3 first\nthen 4' }, {
        authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
        published: '2026-07-01',
        githubRepos: ['example/sparse-moe'],
        githubStars: 1234,
      }),
    ]);
    const item = (await screen.findByText('Full paper')).closest('li')!;
    const q = within(item);
    expect(q.getByText('Ada Lovelace, Alan Turing, Grace Hopper et al.')).toBeTruthy();
    expect(q.getByText('1 Jul 2026')).toBeTruthy();
    expect(q.getByText('moe')).toBeTruthy();
    expect(q.getByText('long context')).toBeTruthy();
    expect(q.getByRole('link', { name: 'Code: example/sparse-moe on GitHub, 1234 stars' }).getAttribute('href')).toBe('https://github.com/example/sparse-moe');
    expect((q.getByRole('combobox', { name: 'Status of “Full paper”' }) as HTMLSelectElement).value).toBe('reading');
    expect(q.getByText('Read section 3 first')).toBeTruthy();
    expect(q.queryByText(/then 4/)).toBeNull();
  });

  it('shows a date known to the year or the month as that, with a machine-readable datetime of the same precision', async () => {
    renderPopup([
      saved('aclanthology:2023.acl-long.1', 'Proceedings paper', 2000, {}, { published: '2023' }),
      saved('doi:10.1145/3292500.3330701', 'Journal paper', 1000, {}, { published: '2019-07' }),
    ]);
    const year = within((await screen.findByText('Proceedings paper')).closest('li')!).getByText('2023');
    expect([year.tagName, year.getAttribute('datetime')]).toEqual(['TIME', '2023']);
    const month = within(screen.getByText('Journal paper').closest('li')!).getByText('Jul 2019');
    expect([month.tagName, month.getAttribute('datetime')]).toEqual(['TIME', '2019-07']);
  });

  it("its details show the arXiv id with the version last seen and link the paper's DOI at doi.org", async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Published paper', 2000, {}, { version: 3, doi: '10.1109/cvpr52733.2026.00042' }),
      saved('doi:10.1145/3292500.3330701', 'DOI paper', 1000),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'More: details of “Published paper”' }));
    const first = within(screen.getByText('Published paper').closest('li')!);
    expect(first.getByText('arXiv:2607.00001v3')).toBeTruthy();
    expect(first.getByRole('link', { name: 'DOI 10.1109/cvpr52733.2026.00042' }).getAttribute('href')).toBe('https://doi.org/10.1109/cvpr52733.2026.00042');
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “DOI paper”' }));
    const second = within(screen.getByText('DOI paper').closest('li')!);
    expect(second.getByRole('link', { name: 'DOI 10.1145/3292500.3330701' }).getAttribute('href')).toBe('https://doi.org/10.1145/3292500.3330701');
    expect(second.queryByText(/^arXiv:/)).toBeNull();
  });

  it("links an ACM pseudo-DOI (10.5555, which doi.org does not know) to its ACM Digital Library page", async () => {
    renderPopup([saved('neurips:2017/3f5ee243547dee91fbd053c1c4a845aa', 'NeurIPS paper', 1000, {}, { aliases: ['doi:10.5555/3295222.3295349'] })]);
    fireEvent.click(await screen.findByRole('button', { name: 'More: details of “NeurIPS paper”' }));
    const item = within(screen.getByText('NeurIPS paper').closest('li')!);
    expect(item.getByRole('link', { name: 'DOI 10.5555/3295222.3295349' }).getAttribute('href')).toBe('https://dl.acm.org/doi/10.5555/3295222.3295349');
  });

  it('a paper saved under a venue id shows the arXiv id and DOI its other ids give', async () => {
    renderPopup([saved('cvf:CVPR_2026/Smith_Example', 'CVF paper', 1000, {}, { aliases: ['doi:10.1109/cvpr52733.2026.00043', 'arxiv:2607.00009', 'dblp:conf/cvpr/Smith26'] })]);
    fireEvent.click(await screen.findByRole('button', { name: 'More: details of “CVF paper”' }));
    const item = within(screen.getByText('CVF paper').closest('li')!);
    expect(item.getByText('arXiv:2607.00009')).toBeTruthy(); // no version: the one seen was not of an arXiv page
    expect(item.getByRole('link', { name: 'DOI 10.1109/cvpr52733.2026.00043' }).getAttribute('href')).toBe('https://doi.org/10.1109/cvpr52733.2026.00043');
  });

  it('renders hostile strings as text and never links javascript: or data: URLs or odd repository names', async () => {
    const evil = saved('arxiv:2607.00003', '<img src=x onerror=alert(1)>', 1000, { note: '<script>alert(1)</script>', tags: ['<b>x</b>'] }, {
      url: 'javascript:alert(1)',
      pdfUrl: 'data:text/html,<script>alert(1)</script>',
      projectUrl: 'javascript:alert(3)',
      authors: ['<iframe src=javascript:alert(4)>'],
      githubRepos: ['javascript:alert(5)'],
      abstract: '<svg onload=alert(6)>',
    });
    evil.savedFrom = 'javascript:alert(2)';
    const { container } = renderPopup([evil]);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^More: details of/ }));
    for (const text of ['<script>alert(1)</script>', '<b>x</b>', '<iframe src=javascript:alert(4)>', 'javascript:alert(5)', '<svg onload=alert(6)>']) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(container.querySelector('img, script, iframe, svg, b')).toBeNull();
    expect([...container.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
  });

  it('searches as you type over title, authors, abstract, tags and notes', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Sparse experts', 3000, { tags: ['efficiency'] }, { authors: ['Ada Lovelace'], abstract: 'Routing tokens.' }),
      saved('arxiv:2607.00002', 'Diffusion models', 2000, { note: 'ask Grace about the sampler' }, { authors: ['Alan Turing'], abstract: 'Image generation.' }),
    ]);
    const box = await screen.findByRole('searchbox', { name: 'Search papers' });
    const search = async (text: string, expected: string[]) => {
      fireEvent.input(box, { target: { value: text } });
      await waitFor(() => expect(titles()).toEqual(expected));
    };
    await search('diffu', ['Diffusion models']);
    await search('lovelace', ['Sparse experts']);
    await search('sampler', ['Diffusion models']);
    await search('efficien', ['Sparse experts']);
    await search('image', ['Diffusion models']);
    await search('nothing like this', []);
    expect(screen.getByText(/No papers match/)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(titles()).toEqual(['Sparse experts', 'Diffusion models']));
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('leaves out the papers a word with a minus before it finds, with the other words and qualifiers', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'A survey of diffusion models', 3000, {}, { abstract: 'We review.' }),
      saved('arxiv:2607.00002', 'Diffusion models for video', 2000, { tags: ['video'] }, { abstract: 'Frames.' }),
      saved('arxiv:2607.00003', 'Sparse experts', 1000, { note: 'a survey would help' }, { abstract: 'Routing.' }),
    ]);
    const box = await screen.findByRole('searchbox', { name: 'Search papers' });
    const search = async (text: string, expected: string[]) => {
      fireEvent.input(box, { target: { value: text } });
      await waitFor(() => expect(titles()).toEqual(expected));
    };
    await search('-survey', ['Diffusion models for video']); // the title's and the note's word alike
    expect(screen.getByText('1 of 3 papers')).toBeTruthy();
    await search('diffusion -survey', ['Diffusion models for video']);
    await search('diffusion -video', ['A survey of diffusion models']);
    await search('-survey -tag:video', []);
    await search('diffusion -', ['A survey of diffusion models', 'Diffusion models for video']); // being typed: nothing left out yet
    // A quoted phrase with a minus is left out whole (its words were searched for: the survey alone was shown).
    await search('-"survey of"', ['Diffusion models for video', 'Sparse experts']);
    await search('diffusion -"diffusion models for"', ['A survey of diffusion models']);
  });

  it('shows, for a quoted phrase, the papers with its words next to each other in one field, and leaves them out with a minus', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Graph neural networks for molecules', 3000, {}, { abstract: 'Message passing.' }),
      saved('arxiv:2607.00002', 'Neural networks on a graph', 2000, { note: 'the graph-Neural approach of §2' }, { abstract: 'Graph data.' }),
      saved('arxiv:2607.00003', 'Large language models', 1000, { tags: ['RLHF'] }, { authors: ['Bernhard Schölkopf'], abstract: 'We train a graph of neural networks.' }),
    ]);
    const box = await screen.findByRole('searchbox', { name: 'Search papers' });
    const search = async (text: string, expected: string[]) => {
      fireEvent.input(box, { target: { value: text } });
      await waitFor(() => expect(titles()).toEqual(expected));
    };
    await search('graph neural networks', ['Graph neural networks for molecules', 'Neural networks on a graph', 'Large language models']);
    await search('"graph neural networks"', ['Graph neural networks for molecules']);
    await search('"graph neural"', ['Graph neural networks for molecules', 'Neural networks on a graph']); // the note's, past its hyphen
    await search('"graph neural" -"neural networks on"', ['Graph neural networks for molecules']);
    await search('-"graph neural"', ['Large language models']);
    await search('"bernhard scholkopf"', ['Large language models']);
    await search('"rl"', []); // a whole word: the tag is RLHF
    await search('"networks on a gra', ['Neural networks on a graph']); // its quote still open: the word being typed as a start
  });

  it('reads qualifiers in the search box (tag:, status:, author:, year:, a minus), counts what they show, and says why one asks nothing', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Sparse experts', 3000, { tags: ['MoE'], status: 'done' }, { authors: ['Ada Lovelace'], published: '2024-02-01' }),
      saved('arxiv:2607.00002', 'Diffusion models', 2000, { tags: ['vision'] }, { authors: ['Alan Turing'], published: '2022' }),
      saved('arxiv:2607.00003', 'Routing experts', 1000, { tags: ['moe'] }, { authors: ['A. Lovelace'], published: null }),
    ]);
    const box = await screen.findByRole('searchbox', { name: 'Search papers' });
    const problems = document.getElementById(box.getAttribute('aria-describedby')!)!;
    const search = async (text: string, expected: string[]) => {
      fireEvent.input(box, { target: { value: text } });
      await waitFor(() => expect(titles()).toEqual(expected));
    };
    await search('tag:moe', ['Sparse experts', 'Routing experts']);
    expect(screen.getByText('2 of 3 papers')).toBeTruthy();
    expect(problems.hidden).toBe(true);
    await search('tag:moe -status:done', ['Routing experts']);
    await search('author:lovelace year:2024', ['Sparse experts']);
    await search('experts author:"alan turing"', []);
    expect(screen.getByText(/No papers match/).textContent).toContain('has:code');
    // Being typed: asks nothing yet, says nothing.
    await search('status:', ['Sparse experts', 'Diffusion models', 'Routing experts']);
    expect(screen.getByText('3 papers')).toBeTruthy();
    await search('status:dnoe', ['Sparse experts', 'Diffusion models', 'Routing experts']);
    expect(problems.hidden).toBe(false);
    expect(problems.textContent).toBe('“status:dnoe”: a status is to-read, reading or done.');
    await search('status:done', ['Sparse experts']);
    expect(problems.hidden).toBe(true);
    // An id with its prefix is still a word: the ids search finds it.
    await search('arXiv:2607.00002', ['Diffusion models']);
  });

  it('announces the number of results politely', async () => {
    renderPopup([saved('arxiv:2607.00001', 'Sparse experts', 3000), saved('arxiv:2607.00002', 'Diffusion models', 2000)]);
    fireEvent.input(await screen.findByRole('searchbox'), { target: { value: 'diffusion' } });
    const region = document.querySelector('[aria-live="polite"]')!;
    await waitFor(() => expect(region.textContent).toBe('1 paper shown of 2.'));
    expect(screen.getByText('1 of 2 papers')).toBeTruthy();
  });

  it('filters by status, tag, site and code', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'A done paper', 3000, { status: 'done', tags: ['nlp'] }, { githubRepos: [] }),
      saved('arxiv:2607.00002', 'A coded paper', 2000, { tags: ['vision'] }, { githubRepos: ['org/code'] }),
      saved('arxiv:2607.00003', 'An arXiv paper', 1000, {}, { githubRepos: [], source: { site: 'arxiv', page: 'abs' } }),
    ]);
    await screen.findByText('A done paper');
    const choose = (name: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
    choose('Filter by status', 'done');
    await waitFor(() => expect(titles()).toEqual(['A done paper']));
    choose('Filter by status', 'all');
    choose('Filter by tag', 'vision');
    await waitFor(() => expect(titles()).toEqual(['A coded paper']));
    choose('Filter by tag', '');
    choose('Filter by site', 'arxiv');
    await waitFor(() => expect(titles()).toEqual(['An arXiv paper']));
    choose('Filter by site', '');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Has code' }));
    await waitFor(() => expect(titles()).toEqual(['A coded paper']));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('sorts by date saved, date published, title, stars and upvotes', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Beta', 3000, {}, { published: '2026-01-01', githubStars: 5, upvotes: 100 }),
      saved('arxiv:2607.00002', 'alpha', 2000, {}, { published: '2026-05-01', githubStars: null, upvotes: 3 }),
      saved('arxiv:2607.00003', 'Gamma', 1000, {}, { published: null, githubStars: 900, upvotes: null }),
    ]);
    await screen.findByText('Beta');
    const sortBy = async (value: string, expected: string[]) => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value } });
      await waitFor(() => expect(titles()).toEqual(expected));
    };
    await sortBy('published', ['alpha', 'Beta', 'Gamma']);
    await sortBy('title', ['alpha', 'Beta', 'Gamma']);
    await sortBy('stars', ['Gamma', 'Beta', 'alpha']);
    await sortBy('upvotes', ['Beta', 'alpha', 'Gamma']);
    await sortBy('saved', ['Beta', 'alpha', 'Gamma']);
  });

  it("shows GitHub's latest star count the extension knows, not the one saved with the paper, and sorts by it", async () => {
    const DAY = 86_400_000;
    const savedAt = Date.UTC(2026, 0, 1);
    const { api } = renderPopup(
      [
        saved('arxiv:2607.00001', 'Grown', savedAt + 2, {}, { githubRepos: ['Lab/Grown'], githubStars: 5 }),
        saved('arxiv:2607.00002', 'Steady', savedAt + 1, {}, { githubRepos: ['lab/steady'], githubStars: 900 }),
        saved('arxiv:2607.00003', 'Seen before the save', savedAt, {}, { githubRepos: ['lab/older'], githubStars: 40 }),
        saved('arxiv:2607.00004', 'Gone', savedAt - 1, {}, { githubRepos: ['lab/gone'], githubStars: 70 }),
        // Saved again 40 days later from a page showing 300: that count is newer than GitHub's answer of day 30.
        saved('arxiv:2607.00005', 'Saved again', savedAt - 2, {}, { githubRepos: ['lab/again'], githubStars: 300, githubStarsAt: savedAt + 40 * DAY }),
      ],
      {
        githubCache: new Map([
          ['lab/grown', { stars: 12_000, archived: false, notFound: false, fetchedAt: savedAt + 30 * DAY }],
          ['lab/again', { stars: 250, archived: false, notFound: false, fetchedAt: savedAt + 30 * DAY }],
          // GitHub's answer from before the save is older than the count the save kept: that one stays.
          ['lab/older', { stars: 1, archived: false, notFound: false, fetchedAt: savedAt - DAY }],
          ['lab/gone', { stars: null, archived: false, notFound: true, fetchedAt: savedAt + DAY }],
        ]),
      },
    );
    const item = (title: string) => within(screen.getByText(title).closest('li')!);
    await waitFor(() => expect(item('Grown').getByRole('link', { name: 'Code: Lab/Grown on GitHub, 12000 stars' })).toBeTruthy());
    expect(item('Grown').getByRole('link', { name: /Lab\/Grown/ }).title).toMatch(/^Stars as GitHub gave them on /);
    // A count kept by a build that kept no day for it: the first save's or a later one's, so no day is named.
    expect(item('Steady').getByRole('link', { name: 'Code: lab/steady on GitHub, 900 stars' }).title).toBe('Stars as a page showed them when the paper was saved');
    const again = item('Saved again').getByRole('link', { name: 'Code: lab/again on GitHub, 300 stars' });
    expect(again.title).toBe(`Stars as a page showed them on ${formatLocalDay(savedAt + 40 * DAY)}`);
    expect(item('Seen before the save').getByRole('link', { name: 'Code: lab/older on GitHub, 40 stars' })).toBeTruthy();
    expect(item('Gone').getByRole('link', { name: 'Code: lab/gone on GitHub, not found' }).textContent).toBe('lab/gone not found');
    // Asked once, for every paper's repository, from the cache alone.
    expect(api.repoFigures).toHaveBeenCalledTimes(1);
    expect([...(vi.mocked(api.repoFigures).mock.calls[0]![0])].sort()).toEqual(['Lab/Grown', 'lab/again', 'lab/gone', 'lab/older', 'lab/steady']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'stars' } });
    await waitFor(() => expect(titles()).toEqual(['Grown', 'Steady', 'Saved again', 'Seen before the save', 'Gone']));
  });

  it("keeps the counts saved with the papers when the badges' cache cannot be read", async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Paper', 1000, {}, { githubRepos: ['lab/model'], githubStars: 7 })], { githubCache: new Error('storage broken') });
    await waitFor(() => expect(api.repoFigures).toHaveBeenCalled());
    await Promise.resolve();
    expect(screen.getByRole('link', { name: 'Code: lab/model on GitHub, 7 stars' })).toBeTruthy();
  });

  it('sorts by best match only while words are searched for: cleared, the menu shows the sort in effect, and the next search starts from it', async () => {
    renderPopup([
      saved('arxiv:2607.00001', 'Graph networks for graph problems', 1000),
      saved('arxiv:2607.00002', 'Sparse attention', 2000, {}, { abstract: 'We compare with a graph baseline.' }),
      saved('arxiv:2607.00003', 'Other work', 3000),
    ]);
    await screen.findByText('Other work');
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    const sort = () => screen.getByRole('combobox', { name: 'Sort' }) as HTMLSelectElement;
    fireEvent.input(box, { target: { value: 'graph' } });
    await waitFor(() => expect(titles()).toEqual(['Sparse attention', 'Graph networks for graph problems']));
    fireEvent.change(sort(), { target: { value: 'relevance' } });
    await waitFor(() => expect(titles()).toEqual(['Graph networks for graph problems', 'Sparse attention']));
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(titles()).toEqual(['Other work', 'Sparse attention', 'Graph networks for graph problems']));
    expect(sort().value).toBe('saved');
    // What the menu said is what the next search sorts by.
    fireEvent.input(box, { target: { value: 'graph' } });
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(sort().value).toBe('saved');
    expect(titles()).toEqual(['Sparse attention', 'Graph networks for graph problems']);
  });

  it("a pick made while searching other than best match is the reader's sort when the search is cleared", async () => {
    renderPopup([saved('arxiv:2607.00001', 'Beta graph', 1000), saved('arxiv:2607.00002', 'Alpha graph', 2000), saved('arxiv:2607.00003', 'Gamma', 3000)]);
    await screen.findByText('Gamma');
    const box = screen.getByRole('searchbox', { name: 'Search papers' });
    const sort = () => screen.getByRole('combobox', { name: 'Sort' }) as HTMLSelectElement;
    fireEvent.input(box, { target: { value: 'graph' } });
    fireEvent.change(sort(), { target: { value: 'relevance' } });
    fireEvent.change(sort(), { target: { value: 'title' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(titles()).toEqual(['Alpha graph', 'Beta graph', 'Gamma']));
    expect(sort().value).toBe('title');
  });

  it('changes a paper’s status', async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status of “Only paper”' }), { target: { value: 'done' } });
    await waitFor(() => expect(api.edit).toHaveBeenCalledWith('arxiv:2607.00001', { status: 'done' }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Only paper”' }) as HTMLSelectElement).value).toBe('done'));
  });

  it('removes a paper with undo, and refreshes when another context changes the list', async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “Only paper” from the reading list' }));
    await screen.findByText('Your reading list is empty.');
    expect(api.remove).toHaveBeenCalledWith('arxiv:2607.00001');
    const snackbar = screen.getByRole('status');
    expect(snackbar.textContent).toContain('Removed “Only paper”.');
    // The title is isolated from the sentence (an Arabic or Hebrew one keeps its own order, and the quotes theirs).
    expect([...snackbar.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Only paper']);
    fireEvent.click(within(snackbar).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Only paper')).toBeTruthy();
    expect(api.restore).toHaveBeenCalledTimes(1);
    expect(api.papers.map((p) => p.id)).toEqual(['arxiv:2607.00001']);

    api.papers = [saved('arxiv:2607.00009', 'Saved in a tab', 3000), ...api.papers];
    api.emit();
    expect(await screen.findByText('Saved in a tab')).toBeTruthy();
  });

  it('the last paper removed, the focus is in the empty list\'s box, not lost to the page', async () => {
    renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    const remove = await screen.findByRole('button', { name: 'Remove “Only paper” from the reading list' });
    remove.focus();
    fireEvent.click(remove);
    await screen.findByText('Your reading list is empty.');
    // The list's box goes with the list; the empty list's box (for a first paper to paste) is the one that takes it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: "Paste an arXiv id, a DOI or a paper's address" })));
  });

  it('the undo dismissed with no paper shown, the focus goes to the search box, not the page', async () => {
    renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “Only paper” from the reading list' }));
    await screen.findByText('Your reading list is empty.');
    const dismiss = within(screen.getByRole('status')).getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(within(screen.getByRole('status')).queryByRole('button')).toBeNull());
    // No list to go back into: the box the page has, the empty list's.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: "Paste an arXiv id, a DOI or a paper's address" })));
  });

  it('keeps the undo while the keyboard or the pointer is on it, and lets it go after its time once they leave', async () => {
    renderPopup([saved('arxiv:2607.00001', 'First paper', 2000), saved('arxiv:2607.00002', 'Second paper', 1000)], { stateOptions: { undoMs: 60 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “First paper” from the reading list' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    undo.focus();
    await new Promise((r) => setTimeout(r, 200));
    expect(document.activeElement).toBe(undo); // not taken away from under the reader
    expect(undo.isConnected).toBe(true);
    // The pointer holds it too.
    fireEvent.pointerEnter(undo.closest('.snackbar')!);
    screen.getByRole('searchbox').focus();
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByRole('button', { name: 'Undo' })).toBe(undo);
    fireEvent.pointerLeave(undo.closest('.snackbar')!);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('after Undo or Dismiss from the keyboard the focus goes back into the list, not to the page', async () => {
    renderPopup([saved('arxiv:2607.00001', 'First paper', 2000), saved('arxiv:2607.00002', 'Second paper', 1000)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “Second paper” from the reading list' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    undo.focus();
    fireEvent.click(undo);
    await screen.findByText('Second paper');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Second paper').closest('li')));
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Second paper” from the reading list' }));
    const dismiss = await screen.findByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('First paper').closest('li')));
  });

  it('the buttons that clear the search or the filters leave the focus where the reader goes on from', async () => {
    renderPopup([saved('arxiv:2607.00001', 'First paper', 2000), saved('arxiv:2607.00002', 'Second paper', 1000)]);
    await screen.findByText('First paper');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'nothing like this' } });
    const clearAll = await screen.findByRole('button', { name: 'Clear search and filters' });
    clearAll.focus();
    fireEvent.click(clearAll);
    await screen.findByText('Second paper');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'done' } });
    const clearFilters = await screen.findByRole('button', { name: 'Clear filters' });
    clearFilters.focus();
    fireEvent.click(clearFilters);
    await screen.findByText('Second paper');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Filter by status' }));
  });

  it("names each button of a paper by the words it shows first, so that voice control finds it by them (WCAG 2.5.3)", async () => {
    renderPopup([saved('arxiv:2607.00001', 'Spoken paper', 3000, { tags: ['rl'] })]);
    await screen.findByText('Spoken paper');
    const item = screen.getByText('Spoken paper').closest('li')!;
    const named = () =>
      [...item.querySelectorAll('button')]
        .map((button) => [button.textContent!.trim(), button.getAttribute('aria-label') ?? button.textContent!.trim()] as const)
        .filter(([shown]) => /\p{L}/u.test(shown)); // not "×", which no one says
    const more = screen.getByRole('button', { name: 'More: details of “Spoken paper”' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    await screen.findByRole('textbox', { name: 'Note' });
    expect(named().map(([shown]) => shown)).toEqual(expect.arrayContaining(['Less', 'Remove', 'Copy BibTeX']));
    for (const [shown, name] of named()) expect(name.toLowerCase()).toContain(shown.toLowerCase());
    expect(screen.getByRole('button', { name: 'Less: details of “Spoken paper”' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('a note being typed when another tab removes its paper is offered back with the paper, not dropped', async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Noted paper', 3000), saved('arxiv:2607.00002', 'Other paper', 2000)]);
    fireEvent.click(await screen.findByRole('button', { name: 'More: details of “Noted paper”' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'compare with the baseline' } });
    // Removed in another tab before the typed note's save: the list drops it, and its editor flushes as it goes.
    api.papers = api.papers.filter((s) => s.id !== 'arxiv:2607.00001');
    api.emit({ type: 'changed', id: 'arxiv:2607.00001', aliases: [], state: null });
    await waitFor(() => expect(titles()).toEqual(['Other paper']));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('“Noted paper” was removed in another tab or window, so your note was not saved.'));
    fireEvent.click(within(status).getByRole('button', { name: 'Save it again with the note' }));
    await waitFor(() => expect(titles()).toEqual(['Noted paper', 'Other paper']));
    expect(api.papers.find((s) => s.id === 'arxiv:2607.00001')?.note).toBe('compare with the baseline');
  });

  it('opens the library and the options', async () => {
    const { api } = renderPopup([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Open library' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sites and options' }));
    expect(api.openLibrary).toHaveBeenCalledTimes(1);
    expect(api.openOptions).toHaveBeenCalledTimes(1);
  });

  it('says when a site is not accessible and asks for it in one click', async () => {
    const { api } = renderPopup([], { access: [{ name: 'Hugging Face Papers', origins: ['https://huggingface.co/papers*'], granted: false }] });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on Hugging Face Papers' }));
    expect(api.requestAccess).toHaveBeenCalledWith(['https://huggingface.co/papers*']);
    await waitFor(() => expect(api.siteAccess).toHaveBeenCalledTimes(2));
  });

  it('once access is granted from the keyboard, the notice goes and the focus goes to the search box', async () => {
    const site = { name: 'Hugging Face Papers', origins: ['https://huggingface.co/papers*'], granted: false };
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)], { access: [site] });
    api.siteAccess = vi.fn(async () => [{ ...site }]);
    api.requestAccess = vi.fn(async () => {
      site.granted = true;
      return true;
    });
    const allow = await screen.findByRole('button', { name: 'Allow on Hugging Face Papers' });
    allow.focus();
    fireEvent.click(allow);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow on Hugging Face Papers' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('shows an error instead of an empty list when storage fails', async () => {
    const api = createFakeApi([]);
    api.list = vi.fn(async () => {
      throw new Error('IndexedDB is unavailable');
    });
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/IndexedDB is unavailable/);
  });

  it('a list that could not be read can be asked for again, and the focus goes on to the search box', async () => {
    const api = createFakeApi([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    const list = api.list;
    api.list = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<App api={api} stateOptions={{ refreshDelayMs: 0 }} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Receiving end does not exist/);
    api.list = list; // the background is back
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    fireEvent.click(retry);
    await waitFor(() => expect(titles()).toEqual(['Only paper']));
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search papers' })));
  });

  it('says so when an edit fails', async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    api.edit = vi.fn(async () => Promise.reject(new Error('The Papershelf background did not answer')));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status of “Only paper”' }), { target: { value: 'done' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not change the status: The Papershelf background did not answer/);
  });

  it('says on opening that a save from a link failed (the toolbar button showed "!"), once', async () => {
    const api = createFakeApi([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    api.linkProblem = 'Could not save https://arxiv.org/abs/2401.12345 to the reading list: the disk is full';
    const { unmount } = render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not save https:\/\/arxiv.org\/abs\/2401.12345 to the reading list: the disk is full/);
    unmount();
    render(<App api={api} />);
    await screen.findByText('Only paper');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('dismissing a problem from the keyboard leaves the focus on the search box, not the page', async () => {
    const { api } = renderPopup([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    api.edit = vi.fn(async () => Promise.reject(new Error('The Papershelf background did not answer')));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status of “Only paper”' }), { target: { value: 'done' } });
    const dismiss = within(await screen.findByRole('alert')).getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });
});
