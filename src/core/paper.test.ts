import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { boundPaper, clip, emptyPaper, isCalendarDate, isHttpUrl, isPaperDate, isWellFormedId, mergedIdentity, mergePapers, moreAuthors, normalizeSpace, PAPER_LIMITS, paperDate, paperDateParts, savedFromUrl, type Paper } from './paper';
import { mulberry32 } from './random';
import { PaperSchema } from '../background/messages';

const base = (over: Partial<Paper> = {}): Paper => ({ ...emptyPaper('arxiv:2401.00001', 'A title', { site: 'arxiv', page: 'list' }), ...over });

describe('normalizeSpace', () => {
  // The definition; normalizeSpace skips the replace when the text has nothing to collapse, and must answer the same.
  const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

  it.each([
    ['  A\n\ttitle\u00a0with\u2028breaks\ufeff ', 'A title with breaks'],
    ['two  spaces', 'two spaces'],
    [' lead', 'lead'],
    ['trail ', 'trail'],
    ['already plain text', 'already plain text'],
    [null, ''],
    [undefined, ''],
  ])('collapses every kind of white space run into one space, and trims: %j', (text, expected) => {
    expect(normalizeSpace(text)).toBe(expected);
  });

  it('answers as the plain replace does on random text of spaces, other white space and letters', () => {
    const random = mulberry32(7);
    const alphabet = [' ', ' ', ' ', '\n', '\t', '\r', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', 'a', 'b', 'é', '😀', '-'];
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 12);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      if (collapse(text) === text) plain++;
      expect(normalizeSpace(text), JSON.stringify(text)).toBe(collapse(text));
    }
    expect(plain).toBeGreaterThan(1000); // the fast path was taken too, not only the replace
  });
});

describe('boundPaper: what a page gives, brought within what the list stores', () => {
  it('leaves an ordinary paper exactly as it is', () => {
    const paper = base({ authors: ['Ada'], abstract: 'x', published: '2024-02-29', upvotes: 3, githubRepos: ['o/r'], url: 'https://arxiv.org/abs/2401.00001' });
    expect(boundPaper(paper)).toEqual(paper);
  });

  it('clips over-long text and caps lists, so Save never fails on a huge page', () => {
    const huge = 'x'.repeat(200_000);
    const paper = base({ title: huge, abstract: huge, venue: huge, authors: Array.from({ length: 6000 }, () => huge.slice(0, 900)), categories: Array.from({ length: 300 }, () => 'c'), githubRepos: Array.from({ length: 30 }, (_, i) => `o/r${i}`) });
    const bounded = boundPaper(paper)!;
    expect(v.safeParse(PaperSchema, bounded).success).toBe(true);
    expect(bounded.title).toHaveLength(PAPER_LIMITS.title);
    expect(bounded.title.endsWith('…')).toBe(true);
    expect(bounded.authors).toHaveLength(PAPER_LIMITS.authors);
    expect(bounded.authorCount).toBe(6000); // the count says how many there really were
    expect(bounded.githubRepos).toHaveLength(PAPER_LIMITS.repos);
    expect(bounded.categories).toHaveLength(PAPER_LIMITS.categories);
  });

  it('drops what is not what it claims: script URLs, impossible dates, odd counts, bad repositories', () => {
    const bounded = boundPaper(
      base({ url: 'javascript:alert(1)', pdfUrl: 'https://x.org/a b', projectUrl: `https://x.org/${'a'.repeat(3000)}`, published: '2026-02-30', upvotes: 1.5, githubStars: -1, githubRepos: ['o/..', 'o/.', 'ok/repo', `${'o'.repeat(40)}/r`] }),
    )!;
    expect(bounded).toMatchObject({ url: null, pdfUrl: null, projectUrl: null, published: null, upvotes: null, githubStars: null, githubRepos: ['ok/repo'] });
  });

  it('keeps a date at the precision the page gave (a proceedings year, a month), and drops one that is none', () => {
    for (const published of ['2019', '2019-07', '2019-07-21']) expect(boundPaper(base({ published }))!.published).toBe(published);
    for (const published of ['2019-13', '19', 'July 2019', '']) expect(boundPaper(base({ published }))!.published).toBeNull();
  });

  it("keeps an arXiv paper's version and its own DOI (lowercased), and drops what cannot be one", () => {
    expect(boundPaper(base({ version: 3, doi: '10.1109/CVPR.2024.00123' }))).toMatchObject({ version: 3, doi: '10.1109/cvpr.2024.00123' });
    for (const version of [0, -1, 2.5, PAPER_LIMITS.version + 1, Number.NaN]) expect(boundPaper(base({ version }))!.version).toBeNull();
    expect(boundPaper(base({ id: 'openreview:Xk9pQ2vN7a', version: 2 }))!.version).toBeNull(); // only arXiv has versions
    // A DOI id's own DOI is the id already: exports derive it from there.
    expect(boundPaper(base({ id: 'doi:10.1145/3292500.3330701', doi: '10.1145/3292500.3330701' }))!.doi).toBeNull();
    expect(boundPaper(base({ id: 'aclanthology:2023.acl-long.1', doi: '10.18653/v1/2023.acl-long.1' }))!.doi).toBeNull();
    for (const doi of ['10.48550/arXiv.2401.00001', 'doi:10.1/x', '10.1145/a b', `10.1145/${'1'.repeat(300)}`, '']) expect(boundPaper(base({ doi }))!.doi).toBeNull();
  });

  it('gives no paper when nothing usable identifies it', () => {
    expect(boundPaper(base({ title: '  \n ' }))).toBeNull();
    expect(boundPaper(base({ id: 'dblp:journals/x y' }))).toBeNull();
    expect(boundPaper(base({ id: `doi:10.1/${'1'.repeat(400)}` }))).toBeNull();
    expect(boundPaper(base({ id: 'arxiv:2401.0000\u202E1' }))).toBeNull();
  });
});

describe('the checks the schema shares with adapters', () => {
  it('clips a long text with "…", never halving a character', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghijk', 5)).toBe('abcd…');
    expect(clip('abc😀def', 5)).toBe('abc…'); // not "abc\uD83D…"
    expect(clip('ab😀def', 5)).toBe('ab😀…');
  });

  it('clip never leaves half a surrogate pair', () => {
    const text = '😀'.repeat(10);
    const cut = clip(text, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });

  it('savedFromUrl keeps a page address whole when it fits, else cuts it to fit, and gives null for no web page', () => {
    expect(savedFromUrl('https://arxiv.org/list/cs.LG/new?skip=0#item3')).toBe('https://arxiv.org/list/cs.LG/new?skip=0#item3');
    const q = 'q=' + 'x'.repeat(PAPER_LIMITS.url);
    expect(savedFromUrl(`https://scholar.google.de/scholar?q=a#${'f'.repeat(PAPER_LIMITS.url)}`)).toBe('https://scholar.google.de/scholar?q=a');
    expect(savedFromUrl(`https://www.google.com/search?${q}`)).toBe('https://www.google.com/search');
    expect(savedFromUrl(`https://x.example/${'p'.repeat(PAPER_LIMITS.url)}?${q}`)).toBe('https://x.example/');
    for (const url of ['file:///home/me/notes.html', 'chrome-extension://abc/src/library/index.html', 'about:blank', 'not a url', '', null, undefined]) {
      expect(savedFromUrl(url)).toBeNull();
    }
  });

  it('isHttpUrl, isCalendarDate and isWellFormedId', () => {
    expect(['https://arxiv.org/abs/1', 'HTTP://例子.测试/x', 'https://x.org/a%20b'].map(isHttpUrl)).toEqual([true, true, true]);
    expect(['javascript:alert(1)', 'https://x.org/a b', 'https://x.org/\u0000', '//x.org', 'https://'].map(isHttpUrl)).toEqual([false, false, false, false, false]);
    expect(['2024-02-29', '2023-02-29', '2026-13-01', '2026-1-1'].map(isCalendarDate)).toEqual([true, false, false, false]);
    expect(['2019', '2019-07', '2019-12', '2024-02-29'].map(isPaperDate)).toEqual([true, true, true, true]);
    expect(['2019-00', '2019-13', '2019-7', '0999', '2023-02-29', '19', '2019-07-', '2019 ', ' 2019', '2019-07-21T00:00'].map(isPaperDate)).toEqual(Array(10).fill(false));
    expect(['doi:10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0', 'arxiv:hep-th/9901001', 'a:b c', 'arxiv:1\u200b'].map(isWellFormedId)).toEqual([true, true, false, false]);
  });
});

describe('paper dates at reduced precision', () => {
  it('paperDate keeps each part that names one: a season (CSL months 13-16) or an impossible day ends the date there', () => {
    expect(paperDate(2019)).toBe('2019');
    expect(paperDate(2019, 7)).toBe('2019-07');
    expect(paperDate(2019, 7, 21)).toBe('2019-07-21');
    expect(paperDate(2024, 13)).toBe('2024'); // CSL's "spring"
    expect(paperDate(2023, 2, 29)).toBe('2023-02');
    expect(paperDate(2019, 0, 5)).toBe('2019');
    expect(paperDate(2019, 7.5)).toBe('2019');
    expect([paperDate(999), paperDate(10_000), paperDate(undefined, 7, 21), paperDate(Number.NaN)]).toEqual([null, null, null, null]);
  });

  it('paperDateParts gives the numbers a date has, as many as it has', () => {
    expect(paperDateParts('2019')).toEqual([2019]);
    expect(paperDateParts('2019-07')).toEqual([2019, 7]);
    expect(paperDateParts('2019-07-21')).toEqual([2019, 7, 21]);
    expect(paperDateParts('July 2019')).toEqual([]);
  });

  it('one paper seen twice keeps the more precise of two forms of one date, whichever copy is newer', () => {
    const merged = (newer: string | null, older: string | null) => mergePapers(base({ published: newer }), base({ published: older })).published;
    expect(merged('2019', '2019-07-21')).toBe('2019-07-21');
    expect(merged('2019-07-21', '2019')).toBe('2019-07-21');
    expect(merged('2019-07', '2019-07-21')).toBe('2019-07-21');
    expect(merged('2019', '2019-07')).toBe('2019-07');
    // Otherwise the newer copy's date, as for any field, and a date found once is kept.
    expect(merged('2020', '2019-07-21')).toBe('2020');
    expect(merged('2019-08', '2019-07-21')).toBe('2019-08');
    expect(merged('2019-07-22', '2019-07-21')).toBe('2019-07-22');
    expect(merged(null, '2019')).toBe('2019');
    expect(merged('2019', null)).toBe('2019');
    // A year is no prefix of another year that starts with its digits' text.
    expect(merged('2019', '20190')).toBe('2019');
  });
});

describe('mergedIdentity: one paper seen twice', () => {
  it('keeps the higher version whichever copy is newer, and a DOI found once', () => {
    expect(mergedIdentity({ version: 2, doi: null }, { version: 5, doi: '10.1/x' })).toEqual({ version: 5, doi: '10.1/x' });
    expect(mergedIdentity({ version: 5, doi: '10.1/y' }, { version: 2, doi: '10.1/x' })).toEqual({ version: 5, doi: '10.1/y' });
    expect(mergedIdentity({ version: null, doi: null }, {})).toEqual({ version: null, doi: null });
    expect(mergedIdentity(undefined, { version: 1 })).toEqual({ version: 1, doi: null }); // a record from before both fields
  });
});

describe('authorsCut: a list cut with the number of authors unknown', () => {
  const cut = (over: Partial<Paper> = {}) => base({ authors: ['A Vaswani', 'N Shazeer'], authorsCut: true, ...over });

  it('is kept through boundPaper where it means something: beside names, with no count', () => {
    expect(boundPaper(cut())!.authorsCut).toBe(true);
    expect(v.safeParse(PaperSchema, boundPaper(cut())).success).toBe(true);
    // A count says it already; a list with no names is no cut list.
    expect(boundPaper(cut({ authorCount: 8 }))).not.toHaveProperty('authorsCut');
    expect(boundPaper(cut({ authors: [] }))).not.toHaveProperty('authorsCut');
    // A list over the limit gets its count, which says how many there are.
    expect(boundPaper(cut({ authors: Array.from({ length: PAPER_LIMITS.authors + 1 }, (_, i) => `A${i}`) }))).not.toHaveProperty('authorsCut');
  });

  it('says the paper has more authors than it names, as a count above the names does', () => {
    expect(moreAuthors(cut())).toBe(true);
    expect(moreAuthors(base({ authors: ['A'], authorCount: 3 }))).toBe(true);
    expect(moreAuthors(base({ authors: ['A'] }))).toBe(false);
    expect(moreAuthors(base({ authors: ['A', 'B'], authorCount: 2 }))).toBe(false);
  });

  it('comes with the list it qualifies when one paper is seen twice', () => {
    const whole = base({ authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'] });
    // A cut list seen again keeps its mark; seen again as a whole list, or with a count, loses it.
    expect(mergePapers(cut(), base()).authorsCut).toBe(true);
    expect(mergePapers(cut({ title: 'New' }), cut()).authorsCut).toBe(true);
    expect(mergePapers(whole, cut())).not.toHaveProperty('authorsCut');
    expect(mergePapers(base({ authors: ['A', 'B'], authorCount: 12 }), cut())).not.toHaveProperty('authorsCut');
    // A copy with no names leaves the list and its mark; one with only a count gives the list its count instead.
    expect(mergePapers(base({ title: 'New' }), cut()).authorsCut).toBe(true);
    expect(mergePapers(base({ authorCount: 12 }), cut())).toMatchObject({ authors: cut().authors, authorCount: 12 });
    expect(mergePapers(base({ authorCount: 12 }), cut())).not.toHaveProperty('authorsCut');
    // An older copy's mark is not given to the newer copy's whole list (a stand-in merged under a saved record too).
    expect(mergePapers(whole, cut(), 'doi:10.1/x')).not.toHaveProperty('authorsCut');
  });

  it('does not let a list cut short replace a longer one seen before, whether its count is known or not', () => {
    const whole = base({ authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'] });
    expect(mergePapers(cut(), whole)).toMatchObject({ authors: whole.authors, authorCount: null });
    expect(mergePapers(cut(), whole)).not.toHaveProperty('authorsCut');
    expect(mergePapers(base({ authors: ['A'], authorCount: 8 }), whole)).toMatchObject({ authors: whole.authors, authorCount: 8 });
    // A longer cut list stays, with its mark; a cut list no shorter than the one before replaces it.
    expect(mergePapers(cut({ authors: ['A'] }), cut())).toMatchObject({ authors: cut().authors, authorsCut: true });
    expect(mergePapers(cut({ authors: ['X', 'Y', 'Z'] }), base({ authors: ['A', 'B'] }))).toMatchObject({ authors: ['X', 'Y', 'Z'], authorsCut: true });
    // A whole list, however short, is the newer copy's word, as before.
    expect(mergePapers(base({ authors: ['Solo'] }), whole).authors).toEqual(['Solo']);
  });
});

describe('githubStarsAt: when a star count was read, kept with the count', () => {
  const counted = (githubStars: number | null, githubStarsAt?: number) => base({ githubStars, ...(githubStarsAt !== undefined ? { githubStarsAt } : {}) });

  it('goes with the count a merge keeps: the newer copy’s, else the older’s when the newer shows none', () => {
    expect(mergePapers(counted(300, 5000), counted(100, 1000))).toMatchObject({ githubStars: 300, githubStarsAt: 5000 });
    // An arXiv page saved later shows no count: the count and its day stay the Hugging Face save's.
    expect(mergePapers(counted(null), counted(100, 1000))).toMatchObject({ githubStars: 100, githubStarsAt: 1000 });
    // A newer copy's count whose day is unknown (kept by a build before it) does not take the older count's day.
    const unknownDay = mergePapers(counted(300), counted(100, 1000));
    expect(unknownDay.githubStars).toBe(300);
    expect('githubStarsAt' in unknownDay).toBe(false);
    expect('githubStarsAt' in mergePapers(counted(null), counted(null, 1000))).toBe(false);
  });

  it('where both copies say when, the count read later wins, whichever copy is newer', () => {
    // A backup's copy edited later (a note) whose count was read before the list's last save.
    expect(mergePapers(counted(100, 1000), counted(300, 5000))).toMatchObject({ githubStars: 300, githubStarsAt: 5000 });
    expect(mergePapers(counted(100, 1000), counted(300))).toMatchObject({ githubStars: 100, githubStarsAt: 1000 });
  });

  it('is dropped by boundPaper (a page cannot say when a count was read), taken by the schema', () => {
    expect('githubStarsAt' in boundPaper(counted(10, 1000))!).toBe(false);
    expect(v.safeParse(PaperSchema, counted(10, 1000)).success).toBe(true);
    expect(v.safeParse(PaperSchema, counted(10, -1)).success).toBe(false);
  });
});
