import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from './atom';
import { ARXIV_ID, arxivEntry, arxivErrorEntry, arxivFeed, MODERN_FEED } from './fixtures';
import { parseXml, textContent } from './xml';

describe('parseArxivAtom', () => {
  it('reads every field of a full entry: entities decoded, whitespace normalised, TeX kept', () => {
    expect(parseArxivAtom(arxivFeed(arxivEntry()), ARXIV_ID)).toEqual({
      status: 'found',
      entry: {
        id: ARXIV_ID,
        version: 2,
        title: 'Sparse Mixture-of-Experts at $\\mathcal{O}(\\log n)$ Cost: Routing Without Regret',
        summary:
          'We study routing in sparse mixture-of-experts (MoE) models and show that a simple rule achieves ' +
          '$\\mathcal{O}(\\log n)$ regret when $k < n$ & experts are balanced. Benchmarks: https://github.com/example-lab/moe-bench.',
        published: '2024-02-15',
        authors: ['Ada Lovelace', 'Émile Borel', 'Grace M. Hopper'],
        primaryCategory: 'cs.LG',
        categories: ['cs.LG', 'cs.CL', 'stat.ML'],
        pdfUrl: `http://arxiv.org/pdf/${ARXIV_ID}v2`,
        comment:
          '12 pages, 4 figures; accepted at ICML 2024. Code: https://github.com/Example-Lab/moe-routing and https://github.com/example-lab/MoE-Bench',
        journalRef: 'Proceedings of ICML 2024, PMLR 235:1234–1250',
        doi: '10.1145/3650000.3650123',
      },
    });
  });

  it('resolves namespaces by URI, not prefix: root-declared prefixes, https ids, old-style ids, CDATA', () => {
    const result = parseArxivAtom(MODERN_FEED, 'hep-th/9901001v1'); // the version asked for does not matter
    expect(result).toMatchObject({
      status: 'found',
      entry: {
        id: 'hep-th/9901001',
        version: 3,
        title: 'Strings & <Branes> on $AdS_5 \\times S^5$',
        summary: 'We compute things.',
        published: '1999-01-04',
        authors: ['J. Doe'],
        primaryCategory: 'hep-th',
        categories: ['hep-th', 'gr-qc'],
        pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001v3',
        comment: null,
        journalRef: null,
        doi: null,
      },
    });
  });

  it('matches an old-style id with a subject class to arXiv\'s answer without it, the one id of that paper', () => {
    const xml = arxivFeed(arxivEntry('math/0309136', 1), 'math/0309136');
    expect(parseArxivAtom(xml, 'math.GT/0309136')).toMatchObject({ status: 'found', entry: { id: 'math/0309136', version: 1 } });
    expect(parseArxivAtom(xml, 'math/0309137')).toMatchObject({ status: 'invalid' });
  });

  it('an element in another namespace with the same local name is not read', () => {
    // `<primary_category>` in the Atom namespace (no arxiv: prefix) is not arXiv's element.
    const xml = arxivFeed(arxivEntry().replace(/<arxiv:primary_category [^>]*\/>/, '<primary_category term="math.CO"/>'));
    const result = parseArxivAtom(xml, ARXIV_ID);
    expect(result.status === 'found' && result.entry.primaryCategory).toBeNull();
    expect(result.status === 'found' && result.entry.categories).toEqual(['cs.LG', 'cs.CL', 'stat.ML']);
  });

  it('arXiv\'s "Error" entry and an empty feed mean not found', () => {
    expect(parseArxivAtom(arxivFeed(arxivErrorEntry('2402.9999'), '2402.9999'), '2402.09999')).toEqual({ status: 'not-found' });
    expect(parseArxivAtom(arxivFeed('', ARXIV_ID, 0), ARXIV_ID)).toEqual({ status: 'not-found' });
  });

  it('an entry for another paper, two entries, or an entry without a title is rejected', () => {
    expect(parseArxivAtom(arxivFeed(arxivEntry('2402.09875')), ARXIV_ID)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/2402\.09875/) });
    expect(parseArxivAtom(arxivFeed(arxivEntry() + arxivEntry()), ARXIV_ID)).toMatchObject({ status: 'invalid' });
    const untitled = arxivEntry().replace(/<title>[\s\S]*?<\/title>/, '<title>  </title>');
    expect(parseArxivAtom(arxivFeed(untitled), ARXIV_ID)).toMatchObject({ status: 'invalid' });
    const twoTitles = arxivEntry().replace('<title>', '<title>One</title><title>');
    expect(parseArxivAtom(arxivFeed(twoTitles), ARXIV_ID)).toMatchObject({ status: 'invalid' });
    // An "Error" title on a real paper id is a paper (titled "Error"), not arXiv's error entry.
    const titledError = arxivEntry().replace(/<title>[\s\S]*?<\/title>/, '<title>Error</title>');
    expect(parseArxivAtom(arxivFeed(titledError), ARXIV_ID)).toMatchObject({ status: 'found', entry: { title: 'Error' } });
  });

  it('an entry id that is not an arxiv.org abs URL is rejected, even if it names the id', () => {
    for (const id of [`http://evil.example/abs/${ARXIV_ID}v1`, `https://huggingface.co/papers/${ARXIV_ID}`, ARXIV_ID]) {
      const xml = arxivFeed(arxivEntry().replace(/<id>[^<]*<\/id>/, `<id>${id}</id>`));
      expect(parseArxivAtom(xml, ARXIV_ID)).toMatchObject({ status: 'invalid' });
    }
  });

  it('anything but an Atom feed is invalid: RSS, HTML, plain text, malformed XML', () => {
    const bodies = [
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      '<feed><entry><id>http://arxiv.org/abs/2402.09876v1</id><title>No namespace</title></entry></feed>',
      '<!doctype html><html><body>Service Unavailable</body></html>',
      'Rate exceeded.',
      '',
      arxivFeed(arxivEntry()).replace('</feed>', ''),
      arxivFeed(arxivEntry()).replace('</summary>', '</summar>'),
      arxivFeed(arxivEntry()).replace('&amp; experts', '& experts'),
    ];
    for (const body of bodies) expect(parseArxivAtom(body, ARXIV_ID)).toMatchObject({ status: 'invalid' });
  });

  it('a bad date is dropped, not guessed', () => {
    const xml = arxivFeed(arxivEntry().replace('2024-02-15T18:03:11Z', '2024-02-30T18:03:11Z'));
    expect(parseArxivAtom(xml, ARXIV_ID)).toMatchObject({ status: 'found', entry: { published: null } });
  });

  it('refuses to run for something that is not an arXiv id', () => {
    expect(parseArxivAtom(arxivFeed(arxivEntry()), 'not-an-id')).toMatchObject({ status: 'invalid' });
  });
});

describe('parseXml', () => {
  it('decodes the five named entities, decimal and hex references, in text and attributes', () => {
    const root = parseXml('<a t="&quot;x&quot; &#60;&#x3E;">&lt;&gt;&amp;&apos;&quot; &#233;&#x1F600;</a>');
    expect(root?.attrs.t).toBe('"x" <>');
    expect(root && textContent(root)).toBe('<>&\'" é😀');
  });

  it('refuses what a strict reader must: DOCTYPE (entity tricks), unknown entities, invalid references', () => {
    const bad = [
      '<!DOCTYPE a [<!ENTITY x "lol">]><a>&x;</a>',
      '<a>&nbsp;</a>',
      '<a>&#0;</a>',
      '<a>&#xD800;</a>',
      '<a>AT&T</a>',
      '<a b="<"/>',
      '<a b=unquoted/>',
      '<a b="1" b="2"/>',
      '<a></b>',
      '<a><b></a></b>',
      '<a/><b/>',
      'text<a/>',
      '<p:a/>', // undeclared prefix
      '<a p:b="1"/>',
      '<a><!-- -- --></a>',
      '<a><![CDATA[never closed</a>',
      '<a',
    ];
    for (const xml of bad) expect(parseXml(xml), xml).toBeNull();
  });

  it('accepts declarations, comments, processing instructions, self-closing tags and a BOM', () => {
    const root = parseXml('\uFEFF<?xml version="1.0"?>\n<!-- hi -->\n<r xmlns="urn:x"><?pi data?><e k=\'v\' />tail</r>\n');
    expect(root).toMatchObject({ ns: 'urn:x', local: 'r', children: [{ ns: 'urn:x', local: 'e', attrs: { k: 'v' } }, 'tail'] });
  });

  it('bounds depth and size', () => {
    expect(parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).toBeNull();
    expect(parseXml('<a>'.repeat(60) + '</a>'.repeat(60))).not.toBeNull();
    expect(parseXml(`<a>${'x'.repeat(4_000_001)}</a>`)).toBeNull();
  });
});
