import { describe, expect, it } from 'vitest';
import type { CslItem } from './csl';
import { fromCsl, importId, joinName, publishedOf, splitName, toCsl, venueKind } from './csl';
import { citationKeys } from './keys';
import { acl, attention, emoji, oldStyle, openreview, texTitle } from '../../../test/fixtures/export/papers';

describe('toCsl', () => {
  it('an arXiv paper is a preprint (`article`) with repository, number, the arXiv DOI and abs URL', () => {
    expect(toCsl(attention)).toEqual({
      id: 'arxiv:1706.03762',
      type: 'article',
      title: 'Attention Is All You Need',
      author: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'Shazeer', given: 'Noam' },
        { family: 'Parmar', given: 'Niki' },
        { family: 'Uszkoreit', given: 'Jakob' },
        { family: 'Jones', given: 'Llion' },
        { family: 'Gomez', given: 'Aidan N.' },
        { family: 'Kaiser', given: 'Łukasz' },
        { family: 'Polosukhin', given: 'Illia' },
      ],
      issued: { 'date-parts': [[2017, 6, 12]] },
      publisher: 'arXiv',
      number: 'arXiv:1706.03762',
      DOI: '10.48550/arXiv.1706.03762',
      URL: 'https://arxiv.org/abs/1706.03762',
      abstract: attention.paper.abstract,
      keyword: 'cs.CL, cs.LG, transformers, classics',
    });
  });

  it('a paper at a conference is `paper-conference` with the proceedings as container', () => {
    expect(toCsl(acl)).toMatchObject({ type: 'paper-conference', 'container-title': acl.paper.venue, DOI: '10.18653/v1/2023.acl-long.1', URL: acl.paper.url });
    expect(toCsl(openreview)).toMatchObject({ type: 'paper-conference', 'container-title': 'ICLR 2024 Conference', URL: openreview.paper.url });
    expect(toCsl(openreview)).not.toHaveProperty('DOI');
  });

  it('a journal venue makes `article-journal`; arXiv papers published elsewhere keep only the abs URL', () => {
    const tmlr = { ...texTitle, paper: { ...texTitle.paper, venue: 'Transactions on Machine Learning Research, 2026' } };
    const item = toCsl(tmlr);
    expect(item).toMatchObject({ type: 'article-journal', 'container-title': 'Transactions on Machine Learning Research, 2026', URL: 'https://arxiv.org/abs/2401.12345' });
    expect(item).not.toHaveProperty('DOI');
    expect(item).not.toHaveProperty('publisher');
  });

  it('a paper known by its DOI alone is cited at doi.org, one known by an ACM pseudo-DOI at its ACM page (doi.org knows none)', () => {
    const bare = (id: string) => toCsl({ ...acl, id, paper: { ...acl.paper, id, url: null, pdfUrl: null, doi: null } });
    expect(bare('doi:10.1145/3292500.3330701')).toMatchObject({ DOI: '10.1145/3292500.3330701', URL: 'https://doi.org/10.1145/3292500.3330701' });
    expect(bare('doi:10.5555/3295222.3295349')).toMatchObject({ DOI: '10.5555/3295222.3295349', URL: 'https://dl.acm.org/doi/10.5555/3295222.3295349' });
  });

  it('leaves out what is unknown and never includes the note or status', () => {
    const item = toCsl(oldStyle);
    expect(Object.keys(item)).toEqual(['id', 'type', 'title', 'author', 'publisher', 'number', 'DOI', 'URL']);
    expect(JSON.stringify(toCsl(emoji))).not.toContain('Library paper');
  });
});

describe('toCsl dates', () => {
  it('writes date-parts of one, two or three parts, as the date has them', () => {
    const dated = (published: string | null) => toCsl({ ...acl, paper: { ...acl.paper, published } }).issued;
    expect(dated('2023')).toEqual({ 'date-parts': [[2023]] });
    expect(dated('2023-07')).toEqual({ 'date-parts': [[2023, 7]] });
    expect(dated('2023-07-09')).toEqual({ 'date-parts': [[2023, 7, 9]] });
    expect(dated(null)).toBeUndefined();
  });
});

describe('names', () => {
  it.each([
    ['Ashish Vaswani', { family: 'Vaswani', given: 'Ashish' }],
    ['Aidan N. Gomez', { family: 'Gomez', given: 'Aidan N.' }],
    ['Anna van der Berg', { family: 'van der Berg', given: 'Anna' }],
    ['Ludwig von Mises', { family: 'von Mises', given: 'Ludwig' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Kim Min-jun', { family: 'Min-jun', given: 'Kim' }],
    ['محمد علي', { family: 'علي', given: 'محمد' }],
    ['王小明', { literal: '王小明' }],
    ['山田 太郎', { literal: '山田 太郎' }],
    ['Plato', { literal: 'Plato' }],
    ['Google, Inc.', { literal: 'Google, Inc.' }],
    ['Sun and Moon', { literal: 'Sun and Moon' }],
    // Organisations arXiv lists among the authors (Gemini, BLOOM, Llama 3, GLM): one name, not "Team, Gemini".
    ['Gemini Team', { literal: 'Gemini Team' }],
    ['BigScience Workshop', { literal: 'BigScience Workshop' }],
    ['Team GLM', { literal: 'Team GLM' }],
    ['Meta AI', { literal: 'Meta AI' }],
    ['Google Research', { literal: 'Google Research' }],
    ['Lin Ai', { family: 'Ai', given: 'Lin' }],
    ['  Jane\u00A0\nDoe ', { family: 'Doe', given: 'Jane' }],
  ])('%s', (name, csl) => {
    expect(splitName(name)).toEqual(csl);
    expect(joinName(csl)).toBe(name.replace(/\s+/g, ' ').trim());
  });
});

describe('venueKind', () => {
  it.each([
    ['NeurIPS 2017', 'conference'],
    ['CVPR 2024 Workshops', 'conference'],
    ['Proceedings of MLSys 2026', 'conference'],
    ['ICLR 2024 Conference', 'conference'],
    ['Findings of the Association for Computational Linguistics: EMNLP 2023', 'conference'],
    ['Transactions on Machine Learning Research, 2026', 'journal'],
    ['J. Mach. Learn. Res. 8 (2007) 1-30', 'journal'],
    ['Nature Machine Intelligence', null],
    [null, null],
  ] as const)('%s', (venue, kind) => {
    expect(venueKind(venue)).toBe(kind);
  });
});

describe('fromCsl', () => {
  const base: CslItem = { id: 'x', type: 'article', title: 'A <i>Title</i> with <span class="nocase">BERT</span>' };

  it.each([
    ['the eprint field (BibTeX)', base, { eprint: '2401.12345v2', eprintType: 'arXiv' }, 'arxiv:2401.12345'],
    ['an arXiv number', { ...base, number: 'arXiv:1706.03762 [cs.CL]' }, {}, 'arxiv:1706.03762'],
    ['the arXiv DOI', { ...base, DOI: 'https://doi.org/10.48550/ARXIV.1706.03762' }, {}, 'arxiv:1706.03762'],
    ['an arXiv URL', { ...base, URL: 'https://arxiv.org/pdf/hep-th/9901001v3' }, {}, 'arxiv:hep-th/9901001'],
    ['"arXiv preprint arXiv:…" as journal', { ...base, 'container-title': 'arXiv preprint arXiv:2106.09685' }, {}, 'arxiv:2106.09685'],
    ['a DOI', { ...base, DOI: '10.1145/3292500.3330701' }, {}, 'doi:10.1145/3292500.3330701'],
    ['an ACL DOI (names the anthology paper)', { ...base, DOI: '10.18653/V1/2023.ACL-LONG.1' }, {}, 'aclanthology:2023.acl-long.1'],
    ['an old-style ACL DOI', { ...base, DOI: 'https://doi.org/10.18653/v1/p17-1001' }, {}, 'aclanthology:P17-1001'],
    ['an older ACL DOI (10.3115) stays a DOI', { ...base, DOI: '10.3115/v1/P15-1001' }, {}, 'doi:10.3115/v1/p15-1001'],
    ['a PubMed eprint is not arXiv', base, { eprint: '2401.12345', eprintType: 'pubmed' }, importId('A Title with BERT', null)],
    ['nothing: title and year', { ...base, issued: { 'date-parts': [[2020]] } }, {}, importId('a title WITH bert!', 2020)],
  ] as const)('takes the id from %s', (_name, item, hints, id) => {
    expect(fromCsl(item as CslItem, hints).id).toBe(id);
  });

  it('reads markup-free titles, names, dates as precise as given, categories apart from keywords, no script URLs', () => {
    const paper = fromCsl({
      id: 'k',
      type: 'paper-conference',
      title: ' A <i>Title</i>\n with <span class="nocase">BERT</span> ',
      author: [{ family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van der' }, { literal: 'others' }, { literal: '王小明' }],
      issued: { 'date-parts': [['2023', '7']] },
      'container-title': 'Proceedings of <i>ACL</i>',
      URL: 'javascript:alert(1)',
      keyword: 'cs.LG, deep learning; stat.ML',
      abstract: '<jats:p>Text.</jats:p>',
    });
    expect(paper).toMatchObject({
      title: 'A Title with BERT',
      authors: ['Anna van der Berg', '王小明'],
      published: '2023-07',
      venue: 'Proceedings of ACL',
      url: null,
      categories: ['cs.LG', 'stat.ML'],
      abstract: 'Text.',
      source: { site: 'import', page: 'csl-json' },
    });
  });

  it('takes primaryClass as a category, unless it only repeats the archive an old-style id names', () => {
    const item: CslItem = { id: 'k', type: 'article', title: 'T' };
    expect(fromCsl(item, { eprint: '2401.12345', eprintType: 'arXiv', primaryClass: 'cs.LG' }).categories).toEqual(['cs.LG']);
    // The id drops the subject class (math/0309136): the class is news, kept as the category.
    expect(fromCsl(item, { eprint: 'math.GT/0309136', eprintType: 'arXiv', primaryClass: 'math.GT' })).toMatchObject({ id: 'arxiv:math/0309136', categories: ['math.GT'] });
    expect(fromCsl(item, { eprint: 'math/0309136', eprintType: 'arXiv', primaryClass: 'math' }).categories).toEqual([]);
    expect(fromCsl(item, { eprint: 'hep-th/9901001', eprintType: 'arXiv', primaryClass: 'hep-th' }).categories).toEqual([]);
    expect(fromCsl(item, { eprint: 'hep-th/9901001', eprintType: 'arXiv', primaryClass: 'gr-qc' }).categories).toEqual(['gr-qc']);
    expect(fromCsl({ ...item, keyword: 'hep-th' }, { eprint: 'hep-th/9901001', eprintType: 'arXiv', primaryClass: 'hep-th' }).categories).toEqual(['hep-th']);
  });

  it('publishedOf takes a date as precisely as it is given: a day, a month, a year alone', () => {
    expect(publishedOf({ 'date-parts': [[2024, 1, 22]] })).toBe('2024-01-22');
    expect(publishedOf({ raw: '2024-01-22T10:00:00Z' })).toBe('2024-01-22');
    expect(publishedOf({ 'date-parts': [[2024, 7]] })).toBe('2024-07');
    expect(publishedOf({ 'date-parts': [['2024', '7']] })).toBe('2024-07');
    expect(publishedOf({ 'date-parts': [[2024]] })).toBe('2024');
    expect(publishedOf({ raw: '2024' })).toBe('2024');
    expect(publishedOf({ literal: '2024-7' })).toBe('2024-07');
    // A season (CSL months 13-16) or an impossible day: what comes before it is still known.
    expect(publishedOf({ 'date-parts': [[2024, 13, 1]] })).toBe('2024');
    expect(publishedOf({ 'date-parts': [[2023, 2, 29]] })).toBe('2023-02');
    expect(publishedOf({ 'date-parts': [[99]] })).toBeNull();
    expect(publishedOf({ literal: 'Spring' })).toBeNull();
    expect(publishedOf(undefined)).toBeNull();
  });
});

describe('citationKeys', () => {
  it('are author-year-word, ASCII only, unique within an export', () => {
    const twin = { ...attention, id: 'arxiv:1706.99999' };
    expect(citationKeys([attention, twin, twin, texTitle, acl, emoji])).toEqual([
      'vaswani2017attention',
      'vaswani2017attentiona',
      'vaswani2017attentionb',
      '2024sub',
      'liu2023one',
      'wolf2019huggingface',
    ]);
    // A year alone, or a month, gives the key its year too.
    expect(citationKeys([{ ...acl, paper: { ...acl.paper, published: '2023' } }, { ...acl, paper: { ...acl.paper, published: '2022-11' } }])).toEqual(['liu2023one', 'liu2022one']);
    const nothing = { ...oldStyle, id: 'openreview:中文', paper: { ...oldStyle.paper, title: '中文标题', authors: ['王小明'] } };
    expect(citationKeys([nothing])).toEqual(['openreview']);
  });

  // Three papers of one base key (Vaswani, 2017, "Attention"), saved in the order first, second, third.
  const same = (id: string, savedAt: number) => ({ ...attention, id, paper: { ...attention.paper, id }, savedAt });
  const first = same('arxiv:1706.03762', Date.UTC(2024, 0, 1));
  const second = same('arxiv:1706.00002', Date.UTC(2024, 0, 2));
  const third = same('arxiv:1706.00001', Date.UTC(2024, 0, 3));
  const library = [third, acl, first, emoji, second];

  it("are each paper's key among the whole list, whatever else is exported and in whatever order", () => {
    const keyOf = new Map(library.map((saved, i) => [saved.id, citationKeys(library, library)[i]]));
    expect([keyOf.get(first.id), keyOf.get(second.id), keyOf.get(third.id)]).toEqual(['vaswani2017attention', 'vaswani2017attentiona', 'vaswani2017attentionb']);
    for (const part of [[third], [second], [second, third], [third, first], [emoji, second, acl], [second, first, third], library]) {
      expect(citationKeys(part, library), part.map((saved) => saved.id).join()).toEqual(part.map((saved) => keyOf.get(saved.id)));
    }
    // A paper saved later gets a key of its own and changes none of the earlier ones.
    const later = same('arxiv:1706.00000', Date.UTC(2025, 0, 1));
    expect(citationKeys([third, later, first], [...library, later])).toEqual(['vaswani2017attentionb', 'vaswani2017attentionc', 'vaswani2017attention']);
  });

  it('without the whole list, are the keys among the exported papers by their saves, not their order; an unknown save comes last', () => {
    expect(citationKeys([third, second])).toEqual(['vaswani2017attentiona', 'vaswani2017attention']);
    expect(citationKeys([second, third])).toEqual(['vaswani2017attention', 'vaswani2017attentiona']);
    const unknown = { ...same('arxiv:1706.00000', 0) };
    expect(citationKeys([unknown, third])).toEqual(['vaswani2017attentiona', 'vaswani2017attention']);
  });

  it('key an exported record as exported, and keep every key of one file unique', () => {
    // An exported paper missing from the list given is keyed among it; one the list holds under another title by its own.
    const edited = { ...second, paper: { ...second.paper, title: 'Transformers Revisited' } };
    expect(citationKeys([edited, third], library)).toEqual(['vaswani2017transformers', 'vaswani2017attentiona']);
    const missing = same('arxiv:1706.00009', Date.UTC(2023, 0, 1));
    expect(citationKeys([missing, first], library)).toEqual(['vaswani2017attention', 'vaswani2017attentiona']);
    // A suffixed key that is another paper's own key is skipped.
    const word = (id: string, title: string, savedAt: number) => ({ ...same(id, savedAt), paper: { ...attention.paper, id, title } });
    const own = [word('import:a', 'Use of things', 1), word('import:b', 'Use of stuff', 2), word('import:c', 'Used things', 3), word('import:d', 'Use of it', 4)];
    expect(citationKeys(own, own)).toEqual(['vaswani2017use', 'vaswani2017usea', 'vaswani2017used', 'vaswani2017useb']);
    expect(citationKeys([own[3]!], own)).toEqual(['vaswani2017useb']);
    const twice = citationKeys([third, third, first], library);
    expect(twice).toEqual(['vaswani2017attentionb', 'vaswani2017attentionc', 'vaswani2017attention']);
  });
});
