import { describe, expect, it } from 'vitest';
import { aclAnthologyIdFromDoi, arxivIdFromDoi, arxivIdFromUrl, arxivIdOf, canonicalId, currentId, doiAddress, doiFromUrl, doiOf, hasAclDoi, idFromDoi, isAclAnthologyId, isAcmPseudoDoi, isDoi, journalDoi, parseArxivId, parseDoi, safeHttpUrl, type IdentityHints } from './ids';
import { paperIdentity } from './aliases';
import { isWellFormedId, PAPER_LIMITS } from './paper';

describe('parseArxivId', () => {
  it.each([
    ['2401.12345', '2401.12345', null],
    ['2401.12345v3', '2401.12345', 3],
    ['arXiv:0704.0001', '0704.0001', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['math.GT/0309136v2', 'math/0309136', 2],
  ])('%s', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });
  it.each(['2413.12345', '1501.1234', '1412.12345', '0612.1234', 'hello', ''])('rejects %s', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe('arxivIdFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2401.12345v2', '2401.12345'],
    ['http://export.arxiv.org/pdf/2401.12345v2.pdf', '2401.12345'],
    ['https://arxiv.org/html/2401.12345v1', '2401.12345'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://huggingface.co/papers/2509.24002', '2509.24002'],
    ['https://www.alphaxiv.org/overview/2509.24002v1', '2509.24002'],
    ['https://ar5iv.labs.arxiv.org/html/1902.02534', '1902.02534'],
  ])('%s', (url, id) => {
    expect(arxivIdFromUrl(url)?.id).toBe(id);
  });
  it('needs a base for relative URLs', () => {
    expect(arxivIdFromUrl('/papers/2509.24002', 'https://huggingface.co/papers')?.id).toBe('2509.24002');
    expect(arxivIdFromUrl('https://example.org/abs/2401.12345')).toBeNull();
  });
});

describe('canonicalId', () => {
  it('prefers arXiv, then DOI, then the site id', () => {
    expect(canonicalId({ site: 'hf', arxiv: '2401.12345v2', doi: '10.1/x' })).toBe('arxiv:2401.12345');
    expect(canonicalId({ site: 'x', doi: 'https://doi.org/10.1145/3292500.3330701.' })).toBe('doi:10.1145/3292500.3330701');
    expect(canonicalId({ site: 'acl', doi: 'https://doi.org/10.18653/V1/2023.ACL-LONG.1.' })).toBe('aclanthology:2023.acl-long.1');
    expect(canonicalId({ site: 'x', doi: '10.48550/arXiv.2401.12345' })).toBe('arxiv:2401.12345');
    expect(canonicalId({ site: 'openreview', siteId: 'abc123' })).toBe('openreview:abc123');
    expect(canonicalId({ site: 'openreview' })).toBeNull();
  });
  it('keeps balanced parentheses in DOIs', () => {
    expect(parseDoi('see (doi 10.1002/(SICI)1097-4636(199711)36:2<1::AID>3.0.CO;2-1)')).toBe(
      '10.1002/(sici)1097-4636(199711)36:2<1::aid>3.0.co;2-1',
    );
  });
});

describe('paperIdentity: the canonical id and every other id the hints give (aliases)', () => {
  it.each<[IdentityHints, string, string[]]>([
    // Precedence as canonicalId's: arXiv, the DOI's id, the venue's, the site's own key; the others are aliases in that order.
    [{ site: 'dblp', siteId: 'conf/cvpr/OkaforL24', doi: '10.1109/CVPR52733.2024.01234', venue: 'cvf:Okafor_Open_CVPR_2024' }, 'doi:10.1109/cvpr52733.2024.01234', ['cvf:Okafor_Open_CVPR_2024', 'dblp:conf/cvpr/OkaforL24']],
    [{ site: 'dblp', siteId: 'conf/icml/SmithJ23', venue: 'pmlr:v202/smith23a' }, 'pmlr:v202/smith23a', ['dblp:conf/icml/SmithJ23']],
    [{ site: 'semanticscholar', siteId: 'abc123', arxiv: '2401.12345v2', doi: '10.1145/3292500.3330701', venue: 'pmlr:v202/smith23a' }, 'arxiv:2401.12345', ['doi:10.1145/3292500.3330701', 'pmlr:v202/smith23a', 'semanticscholar:abc123']],
    // An ACL DOI names the anthology paper: the same id as the anthology's own key, so no alias.
    [{ site: 'aclanthology', siteId: '2023.acl-long.1', doi: 'https://doi.org/10.18653/V1/2023.ACL-LONG.1' }, 'aclanthology:2023.acl-long.1', []],
    [{ site: 'scholar', siteId: 'XyZ_12', doi: '10.18653/v1/P17-1001' }, 'aclanthology:P17-1001', ['scholar:XyZ_12']],
    // arXiv's own DOI names the arXiv paper: no second id.
    [{ site: 'x', arxiv: '2401.12345', doi: '10.48550/arXiv.2401.12345' }, 'arxiv:2401.12345', []],
    [{ site: 'scholar', siteId: 'k1', doi: '10.48550/arXiv.2401.12345' }, 'arxiv:2401.12345', ['scholar:k1']],
    // The site's key alone: no aliases.
    [{ site: 'openreview', siteId: ' abc123 ' }, 'openreview:abc123', []],
    // The venue a venue's own page names is its own key: once.
    [{ site: 'pmlr', siteId: 'v202/smith23a', venue: 'pmlr:v202/smith23a', arxiv: 'math.GT/0309136v2' }, 'arxiv:math/0309136', ['pmlr:v202/smith23a']],
  ])('%j → %s %j', (hints, id, aliases) => {
    expect(paperIdentity(hints)).toEqual({ id, aliases });
    expect(paperIdentity(hints)!.id).toBe(canonicalId(hints));
  });

  it("gives other venues' ids the page names as aliases, never as the id", () => {
    const hints = { site: 'dblp', siteId: 'conf/icml/SoloE23', venue: 'pmlr:v202/solo23b', otherIds: ['openreview:AbC123', 'pmlr:v202/solo23b'] };
    expect(paperIdentity(hints)).toEqual({ id: 'pmlr:v202/solo23b', aliases: ['dblp:conf/icml/SoloE23', 'openreview:AbC123'] });
    expect(paperIdentity({ site: 'scholar', siteId: 'k', otherIds: ['openreview:AbC123'] })).toEqual({ id: 'scholar:k', aliases: ['openreview:AbC123'] });
    expect(paperIdentity({ site: 'x', otherIds: ['openreview:AbC123'] })).toBeNull();
    expect(canonicalId(hints)).toBe('pmlr:v202/solo23b');
  });

  it('drops hints that are no id, and is null when nothing identifies the paper (as canonicalId)', () => {
    expect(paperIdentity({ site: 'dblp', arxiv: '2401.1', doi: 'not a doi', venue: '  ', siteId: 'conf/x/Y' })).toEqual({ id: 'dblp:conf/x/Y', aliases: [] });
    // A key with white space in it is no id a record can answer to.
    expect(paperIdentity({ site: 'scholar', siteId: 'a b', doi: '10.1234/x' })).toEqual({ id: 'doi:10.1234/x', aliases: [] });
    expect(paperIdentity({ site: 'openreview' })).toBeNull();
    expect(paperIdentity({ site: 'openreview', arxiv: 'nope', siteId: '' })).toBeNull();
  });

  it('never gives the id among its aliases, each alias once, well formed and within the limit', () => {
    const all: IdentityHints[] = [
      { site: 'cvf', siteId: 'A_CVPR_2024', venue: 'cvf:A_CVPR_2024', doi: '10.1109/x.1' },
      { site: 'neurips', siteId: '2023/abc', venue: 'neurips:2023/abc' },
      { site: 'x', siteId: 'y'.repeat(PAPER_LIMITS.id), doi: '10.1234/z' },
    ];
    for (const hints of all) {
      const { id, aliases } = paperIdentity(hints)!;
      expect(aliases).not.toContain(id);
      expect(new Set(aliases).size).toBe(aliases.length);
      expect(aliases.every(isWellFormedId)).toBe(true);
      expect(aliases.length).toBeLessThanOrEqual(PAPER_LIMITS.aliases);
    }
    expect(paperIdentity(all[0]!)!.aliases).toEqual(['cvf:A_CVPR_2024']);
    expect(paperIdentity(all[1]!)!.aliases).toEqual([]);
    // A key too long to be an id is left out rather than stored.
    expect(paperIdentity(all[2]!)!.aliases).toEqual([]);
  });
});

describe('doiFromUrl', () => {
  // Publishers put the DOI in their page and PDF addresses, followed by the view they serve: the DOI is the part before.
  it.each([
    ['https://doi.org/10.1145/3065386', '10.1145/3065386'],
    ['https://dl.acm.org/doi/pdf/10.1145/3290605.3300857', '10.1145/3290605.3300857'],
    ['https://pubs.acs.org/doi/abs/10.1021/ef100623e', '10.1021/ef100623e'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full', '10.3389/fpsyg.2020.01234'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/pdf', '10.3389/fpsyg.2020.01234'],
    ['https://link.springer.com/content/pdf/10.1007/s11263-015-0816-y.pdf', '10.1007/s11263-015-0816-y'],
    ['https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13', '10.1007/978-3-030-58452-8_13'],
    ['https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012345/meta', '10.1088/1742-6596/1234/1/012345'],
    ['https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012345/pdf', '10.1088/1742-6596/1234/1/012345'],
    ['https://onlinelibrary.wiley.com/doi/10.1111/j.1467-8624.2006.00888.x/full', '10.1111/j.1467-8624.2006.00888.x'],
    ['https://onlinelibrary.wiley.com/doi/10.1002/anie.201234567/abstract', '10.1002/anie.201234567'],
    ['https://www.biorxiv.org/content/10.1101/2020.01.01.123456v2.abstract', '10.1101/2020.01.01.123456'],
    ['https://www.biorxiv.org/content/10.1101/2020.01.01.123456v1.full.pdf', '10.1101/2020.01.01.123456'],
    ['https://www.medrxiv.org/content/10.1101/2020.03.03.20030593v1.full-text', '10.1101/2020.03.03.20030593'],
    ['https://www.biorxiv.org/content/10.1101/123456v1', '10.1101/123456'],
    ['https://genome.cshlp.org/content/10.1101/gr.123456.111', '10.1101/gr.123456.111'],
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456', '10.1371/journal.pone.0123456'],
    ['https://www.tandfonline.com/doi/full/10.1080/14754830500120087?journalCode=cjhr20#abstract', '10.1080/14754830500120087'],
    // Springer's old full-text page, its DOI's slash encoded or not; a doi.org link with a closing slash.
    ['https://link.springer.com/article/10.1007/s10858-010-9407-y/fulltext.html', '10.1007/s10858-010-9407-y'],
    ['https://link.springer.com/article/10.1007%2Fs10858-010-9407-y/fulltext.html', '10.1007/s10858-010-9407-y'],
    ['https://doi.org/10.1145/3065386/', '10.1145/3065386'],
  ])('%s', (url, doi) => {
    expect(doiFromUrl(url)).toBe(doi);
  });
  it.each(['https://www.mdpi.com/1996-1073/10/4/502/pdf', 'https://arxiv.org/abs/1706.03762', 'not a url', 'javascript:alert(1)'])('none in %s', (url) => {
    expect(doiFromUrl(url)).toBeNull();
  });
});

describe('old-style ids with a subject class', () => {
  // arXiv's own identifier drops the subject class (internal math.CA/0611800v2, preferred external math/0611800v2;
  // arxiv-base Identifier: id = archive/YYMMNNN): its abs page for /abs/math.GT/0309136 says citation_arxiv_id
  // math/0309136. Both forms are one paper, so one canonical id.
  it('names the paper without the subject class, however it is written', () => {
    const forms = ['math.GT/0309136', 'math/0309136', 'math.GT/0309136v2', 'arXiv:math.GT/0309136', 'math/0309136v1'];
    expect(new Set(forms.map((arxiv) => canonicalId({ site: 'x', arxiv })))).toEqual(new Set(['arxiv:math/0309136']));
    expect(arxivIdFromUrl('https://arxiv.org/abs/math.GT/0309136')).toEqual(arxivIdFromUrl('https://arxiv.org/abs/math/0309136'));
    expect(arxivIdFromUrl('https://arxiv.org/abs/q-bio.NC/0401001v2')).toEqual({ id: 'q-bio/0401001', version: 2 });
    expect(arxivIdFromDoi('10.48550/arXiv.math.GT/0309136')).toEqual({ id: 'math/0309136', version: null });
  });
});

describe('parseArxivId edge cases', () => {
  it.each([
    ['cond-mat/0102536v1', 'cond-mat/0102536', 1],
    ['math.GT/0309136', 'math/0309136', null],
    ['arXiv:math.GT/0309136v2', 'math/0309136', 2],
    ['ARXIV:2401.12345', '2401.12345', null],
    ['  2401.12345v12  ', '2401.12345', 12],
    ['0704.0001v1', '0704.0001', 1],
    ['1412.9999', '1412.9999', null],
    ['1501.00001', '1501.00001', null],
  ])('%s', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });
  it.each([
    ['before the new scheme (0704)', '0703.9999'],
    ['month 00', '2400.12345'],
    ['a dangling "v"', '2401.12345v'],
    ['six digits', '2401.123456'],
    ['a six-digit old-style number', 'hep-th/990100'],
    ['an eight-digit old-style number', 'hep-th/99010011'],
    ['a capitalised archive', 'Hep-th/9901001'],
    ['a URL (use arxivIdFromUrl)', 'https://arxiv.org/abs/2401.12345'],
    ['trailing text', '2401.12345 and more'],
  ])('rejects %s: %s', (_why, input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe('arxivIdFromUrl edge cases', () => {
  it.each([
    ['https://arxiv.org/pdf/2401.12345', '2401.12345', null],
    ['https://arxiv.org/pdf/2401.12345v2', '2401.12345', 2],
    ['https://arxiv.org/abs/2401.12345v2.pdf', '2401.12345', 2],
    ['https://arxiv.org/abs/2401.12345?context=cs.LG', '2401.12345', null],
    ['https://arxiv.org/abs/2401.12345#S3', '2401.12345', null],
    ['https://arxiv.org/abs/2401.12345/', '2401.12345', null],
    ['https://browse.arxiv.org/abs/2401.12345v1', '2401.12345', 1],
    ['https://www.arxiv.org/abs/2401.12345', '2401.12345', null],
    ['https://arxiv.org/format/2401.12345', '2401.12345', null],
    ['https://arxiv.org/html/2401.12345v1/#S2', '2401.12345', 1],
    ['https://arxiv.org/abs/cond-mat/0102536v1', 'cond-mat/0102536', 1],
    ['https://arxiv.org/pdf/math.GT/0309136v1', 'math/0309136', 1],
    ['https://arxiv.org/abs/hep-th%2F9901001', 'hep-th/9901001', null],
    ['https://ar5iv.org/abs/2401.12345', '2401.12345', null],
    ['https://huggingface.co/papers/2401.12345?utm_source=x#community', '2401.12345', null],
    ['https://alphaxiv.org/abs/2401.12345', '2401.12345', null],
  ])('%s', (url, id, version) => {
    expect(arxivIdFromUrl(url)).toEqual({ id, version });
  });
  it.each([
    ['a listing page', 'https://arxiv.org/list/cs.LG/recent'],
    ['a look-alike host', 'https://evilarxiv.org/abs/2401.12345'],
    ['a host that only starts with arxiv.org', 'https://arxiv.org.example.com/abs/2401.12345'],
    ['an invalid id', 'https://arxiv.org/abs/2413.12345'],
    ['no scheme and no base', 'arxiv.org/abs/2401.12345'],
    ['not a URL', 'not a url'],
    ['malformed %-escapes on arXiv', 'https://arxiv.org/abs/%E0%A4%A'],
    ['malformed %-escapes on Hugging Face', 'https://huggingface.co/papers/%E0%A4%A'],
  ])('returns null for %s', (_why, url) => {
    expect(arxivIdFromUrl(url)).toBeNull();
  });
});

describe('parseDoi edge cases', () => {
  it.each([
    ['10.1000/xyz.', '10.1000/xyz'],
    ['10.1000/xyz,', '10.1000/xyz'],
    ['10.1000/xyz;', '10.1000/xyz'],
    ['10.1000/xyz:', '10.1000/xyz'],
    ['(doi:10.1000/xyz).', '10.1000/xyz'],
    ['(see 10.1000/xyz.)', '10.1000/xyz'],
    ['(see 10.1000/xyz.;)', '10.1000/xyz'],
    ['10.1000/xyz).,', '10.1000/xyz'],
    ['"10.1000/xyz"', '10.1000/xyz'],
    ['10.1000/a(b)', '10.1000/a(b)'],
    ['10.1000/a(b)c.', '10.1000/a(b)c'],
    ['doi:10.1000/ABC', '10.1000/abc'],
    ['https://doi.org/10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['https://doi.org/10.1000%2Fxyz', '10.1000/xyz'],
    // A closing slash is no part of a DOI: a doi.org link written with one names the same paper.
    ['https://doi.org/10.1145/3065386/', '10.1145/3065386'],
    ['https://doi.org/10.1145/3065386//.', '10.1145/3065386'],
    // SICI DOIs (Wiley and AMS journals to the 2000s) carry <…> in the middle: cut at "<", every paper of an issue
    // (J. Atmos. Sci. vol. 20, 1963, for Lorenz's) had one id.
    ['https://doi.org/10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2', '10.1175/1520-0469(1963)020<0130:dnf>2.0.co;2'],
    ['https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0', '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0'],
    ['doi:10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2.', '10.1175/1520-0469(1963)020<0130:dnf>2.0.co;2'],
    // A "<" or ">" around a DOI is no part of it.
    ['<https://doi.org/10.1000/xyz>', '10.1000/xyz'],
    ['10.1000/xyz<br>', '10.1000/xyz'],
  ])('%s -> %s', (input, doi) => {
    expect(parseDoi(input)).toBe(doi);
  });
  it.each(['no doi here', '10.123/xyz', '10.1000/', ''])('rejects %j', (input) => {
    expect(parseDoi(input)).toBeNull();
  });
});

describe('arXiv DOIs and canonical ids', () => {
  it.each([
    ['10.48550/arXiv.2401.12345', '2401.12345'],
    ['10.48550/arxiv.hep-th/9901001', 'hep-th/9901001'],
  ])('arxivIdFromDoi(%s)', (doi, id) => {
    expect(arxivIdFromDoi(doi)?.id).toBe(id);
  });
  it('ignores non-arXiv DOIs', () => {
    expect(arxivIdFromDoi('10.1000/arxiv.2401.12345')).toBeNull();
  });
  it.each([
    [{ site: 'x', doi: 'https://doi.org/10.48550/arXiv.2401.12345v2' }, 'arxiv:2401.12345'],
    [{ site: 'x', arxiv: 'cond-mat/0102536v1' }, 'arxiv:cond-mat/0102536'],
    [{ site: 'x', arxiv: 'garbage', doi: '(10.1000/X.)' }, 'doi:10.1000/x'],
    [{ site: 'x', arxiv: '', doi: '', siteId: '  abc  ' }, 'x:abc'],
    [{ site: 'x', arxiv: null, doi: null, siteId: '   ' }, null],
  ])('canonicalId(%j) -> %s', (hints, id) => {
    expect(canonicalId(hints)).toBe(id);
  });
  it.each([
    ['arxiv:2401.12345', '2401.12345'],
    ['arxiv:math.GT/0309136', 'math.GT/0309136'],
    ['doi:10.1000/xyz', null],
    ['openreview:abc', null],
  ])('arxivIdOf(%s)', (canonical, id) => {
    expect(arxivIdOf(canonical)).toBe(id);
  });
});

describe('ACL Anthology DOIs name the anthology paper (one id per paper, issue #3)', () => {
  it.each([
    ['10.18653/v1/2023.acl-long.1', '2023.acl-long.1'],
    ['10.18653/V1/2020.EMNLP-MAIN.550', '2020.emnlp-main.550'],
    ['10.18653/v1/2022.findings-acl.12', '2022.findings-acl.12'],
    ['10.18653/v1/2022.in2writing-1.1', '2022.in2writing-1.1'],
    ['10.18653/v1/2020.nlpcovid19-acl.1', '2020.nlpcovid19-acl.1'],
    ['10.18653/v1/p17-1001', 'P17-1001'], // parseDoi lowercases; old-style ids start with a capital
    ['10.18653/v1/W19-5301', 'W19-5301'],
  ])('%s → %s', (doi, id) => {
    expect(aclAnthologyIdFromDoi(doi)).toBe(id);
    expect(canonicalId({ site: 'x', doi })).toBe(`aclanthology:${id}`);
    expect(idFromDoi(parseDoi(doi)!)).toBe(`aclanthology:${id}`);
    // Exports give the DOI back where the id tells that the ACL issued one (workshops since 2020 vary: none).
    expect(doiOf(`aclanthology:${id}`)).toBe(hasAclDoi(id) ? `10.18653/v1/${id}` : null);
  });

  it.each([
    ['2023.acl-long.1', true],
    ['2020.emnlp-main.550', true],
    ['2022.findings-acl.12', true],
    ['P17-1001', true],
    ['W19-5301', true],
    ['2020.lrec-1.1', false], // LREC: no ACL DOI
    ['2020.tacl-1.1', false], // TACL: MIT Press DOIs
    ['2022.in2writing-1.1', false],
    ['P15-1001', false], // before 2017: 10.3115, which does not name the id
    ['Q17-1001', false],
    ['not-an-id', false],
  ])('hasAclDoi(%s) is %s', (id, expected) => {
    expect(hasAclDoi(id)).toBe(expected);
  });

  it.each([
    ['an older ACL DOI (10.3115 does not name the anthology id)', '10.3115/v1/P15-1001'],
    ['another publisher with the same suffix shape', '10.1234/v1/2023.acl-long.1'],
    ['a volume, not a paper', '10.18653/v1/2023.acl-long'],
    ['an old-style volume', '10.18653/v1/W19-53'],
    ['a new-style id without a volume', '10.18653/v1/2023.acl.1'],
    ['a two-digit year', '10.18653/v1/23.acl-long.1'],
    ['a five-digit old-style number', '10.18653/v1/P17-10011'],
    ['something after the id', '10.18653/v1/2023.acl-long.1/supplementary'],
    ['another ACL DOI version', '10.18653/v2/2023.acl-long.1'],
  ])('leaves %s a DOI: %s', (_why, doi) => {
    expect(aclAnthologyIdFromDoi(doi)).toBeNull();
    expect(canonicalId({ site: 'x', doi })).toBe(`doi:${parseDoi(doi)}`);
  });

  it('knows well-formed anthology ids (case matters) and gives no DOI for other ids', () => {
    expect(['2023.acl-long.1', 'P17-1001', 'W19-5301', '2020.emnlp-main.550'].every(isAclAnthologyId)).toBe(true);
    expect(['p17-1001', '2023.ACL-long.1', 'P17-1001.pdf', '2023.acl-long.', ''].some(isAclAnthologyId)).toBe(false);
    expect(doiOf('doi:10.1145/3292500.3330701')).toBe('10.1145/3292500.3330701');
    expect(doiOf('arxiv:2401.12345')).toBeNull();
    expect(doiOf('aclanthology:not-an-id')).toBeNull();
    expect(doiOf('openreview:abc')).toBeNull();
  });

  it('arXiv still comes first', () => {
    expect(canonicalId({ site: 'aclanthology', arxiv: '2401.12345', doi: '10.18653/v1/2023.acl-long.1' })).toBe('arxiv:2401.12345');
  });
});

describe('ACM pseudo-DOIs (10.5555): no doi.org link', () => {
  it('are found by their prefix alone, in any case; their address is their ACM Digital Library page, any other DOI\'s doi.org', () => {
    expect(isAcmPseudoDoi('10.5555/3295222.3295349')).toBe(true);
    expect(isAcmPseudoDoi('10.5555/ICLR.2024.12345')).toBe(true);
    expect(isAcmPseudoDoi('10.1145/3292500.3330701')).toBe(false); // ACM's own, registered
    expect(isAcmPseudoDoi('10.55555/x')).toBe(false);
    expect(isAcmPseudoDoi('10.1234/10.5555/x')).toBe(false);
    expect(doiAddress('10.5555/3295222.3295349')).toBe('https://dl.acm.org/doi/10.5555/3295222.3295349');
    expect(doiAddress('10.1145/3292500.3330701')).toBe('https://doi.org/10.1145/3292500.3330701');
    expect(doiAddress('10.18653/v1/2023.acl-long.1')).toBe('https://doi.org/10.18653/v1/2023.acl-long.1');
  });

  it('are still DOIs as ids go: the id ACM, dblp and OpenReview give the paper, a publisher address names, and exports cite', () => {
    expect(canonicalId({ site: 'dblp', doi: '10.5555/3295222.3295349' })).toBe('doi:10.5555/3295222.3295349');
    expect(doiOf('doi:10.5555/3295222.3295349')).toBe('10.5555/3295222.3295349');
  });
});

describe("a paper's own DOI (journalDoi, isDoi)", () => {
  it("gives the DOI a page names, lowercased, but not arXiv's own DOI (it follows from the id)", () => {
    expect(journalDoi('https://doi.org/10.1109/CVPR52733.2024.00123')).toBe('10.1109/cvpr52733.2024.00123');
    expect(journalDoi('10.18653/v1/2023.acl-long.1.')).toBe('10.18653/v1/2023.acl-long.1');
    expect(journalDoi('https://doi.org/10.48550/arXiv.2609.22268')).toBeNull();
    expect(journalDoi('no DOI here')).toBeNull();
    expect(journalDoi(null)).toBeNull();
  });

  it('isDoi takes one whole DOI in any case, nothing around it', () => {
    expect(isDoi('10.1145/3292500.3330701')).toBe(true);
    expect(isDoi('10.1109/CVPR.2024.00123')).toBe(true);
    expect(isDoi('10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2')).toBe(true);
    for (const text of ['doi:10.1145/1', '10.1145/a b', 'see 10.1145/1', '10.12/x', '']) expect(isDoi(text)).toBe(false);
  });
});

describe('currentId: ids older builds stored or exported, as canonicalId gives them today', () => {
  it('drops the subject class and version of arXiv ids, and names arXiv and ACL papers known by DOI by their own ids', () => {
    expect(currentId('arxiv:math.GT/0309136')).toBe('arxiv:math/0309136');
    expect(currentId('arxiv:2401.12345v3')).toBe('arxiv:2401.12345');
    expect(currentId('doi:10.18653/v1/2023.acl-long.1')).toBe('aclanthology:2023.acl-long.1');
    expect(currentId('doi:10.18653/V1/P17-1001')).toBe('aclanthology:P17-1001');
    expect(currentId('doi:10.48550/arXiv.2401.12345')).toBe('arxiv:2401.12345');
    expect(currentId('doi:10.1000/ABC')).toBe('doi:10.1000/abc');
  });
  it("drops what parseDoi no longer keeps at a DOI's end: a doi.org link's closing slash, a sentence's full stop", () => {
    expect(currentId('doi:10.1145/3065386/')).toBe('doi:10.1145/3065386');
    expect(currentId('doi:10.1145/3065386.')).toBe('doi:10.1145/3065386');
    expect(currentId('doi:10.1061/(asce)0733-9445(2006)132:2(246)')).toBe('doi:10.1061/(asce)0733-9445(2006)132:2(246)');
    expect(currentId('doi:10.18653/v1/2023.acl-long.1/')).toBe('aclanthology:2023.acl-long.1');
  });
  it('leaves current ids and ids it does not understand as they are', () => {
    for (const id of ['arxiv:math/0309136', 'aclanthology:2023.acl-long.1', 'doi:10.1000/abc', 'openreview:aBcD3fGh1', 'arxiv:not-an-id', 'doi:nonsense', 'import:0123456789abcdef']) {
      expect(currentId(id)).toBe(id);
    }
  });
});

describe('safeHttpUrl: an address a link or an export may name', () => {
  it('keeps http(s) addresses, as the URL parser writes them', () => {
    expect(safeHttpUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
    expect(safeHttpUrl('HTTP://Example.org')).toBe('http://example.org/');
    // What reference managers expect of CSL's URL (toCsl) and what a link's href is: punycode host, escaped path.
    expect(safeHttpUrl('https://bücher.de/a b')).toBe('https://xn--bcher-kva.de/a%20b');
  });

  it('refuses every other scheme, a relative address and nothing', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>', 'ftp://example.org/x', 'mailto:a@b.c', 'arxiv.org/abs/1', '/abs/1', 'https://', '', null, undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});
