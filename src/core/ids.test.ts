import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, canonicalId, parseArxivId, parseDoi } from './ids';

describe('parseArxivId', () => {
  it.each([
    ['2401.12345', '2401.12345', null],
    ['2401.12345v3', '2401.12345', 3],
    ['arXiv:0704.0001', '0704.0001', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['math.GT/0309136v2', 'math.GT/0309136', 2],
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
    expect(canonicalId({ site: 'acl', doi: 'https://doi.org/10.18653/V1/2023.ACL-LONG.1.' })).toBe(
      'doi:10.18653/v1/2023.acl-long.1',
    );
    expect(canonicalId({ site: 'x', doi: '10.48550/arXiv.2401.12345' })).toBe('arxiv:2401.12345');
    expect(canonicalId({ site: 'openreview', siteId: 'abc123' })).toBe('openreview:abc123');
    expect(canonicalId({ site: 'openreview' })).toBeNull();
  });
  it('keeps balanced parentheses in DOIs', () => {
    expect(parseDoi('see (doi 10.1002/(SICI)1097-4636(199711)36:2<1::AID>3.0.CO;2-1)')).toBe(
      '10.1002/(sici)1097-4636(199711)36:2',
    );
  });
});
