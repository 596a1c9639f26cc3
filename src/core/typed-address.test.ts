import { describe, expect, it } from 'vitest';
import { MAX_PASTED, pastedAddresses, typedAddress } from './typed-address';

describe('typedAddress: a paper reference typed or pasted', () => {
  it.each([
    ['2401.12345', 'https://arxiv.org/abs/2401.12345'],
    ['  arXiv:2401.12345v2 ', 'https://arxiv.org/abs/2401.12345v2'],
    ['ARXIV:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ['10.1145/3580305.3599256', 'https://doi.org/10.1145/3580305.3599256'],
    ['doi:10.18653/v1/2023.acl-long.1', 'https://doi.org/10.18653/v1/2023.acl-long.1'],
    ['10.5555/3295222.3295349', 'https://dl.acm.org/doi/10.5555/3295222.3295349'], // ACM's pseudo-DOI: doi.org knows none
    ['2023.acl-long.1', 'https://aclanthology.org/2023.acl-long.1/'],
    ['p19-1001', 'https://aclanthology.org/P19-1001/'],
    ['https://openreview.net/forum?id=Xk9pQ2vN7a', 'https://openreview.net/forum?id=Xk9pQ2vN7a'],
    ['HTTP://arxiv.org/pdf/2401.12345', 'http://arxiv.org/pdf/2401.12345'],
    ['arxiv.org/abs/2401.12345', 'https://arxiv.org/abs/2401.12345'],
    ['dl.acm.org/doi/10.1145/3580305.3599256', 'https://dl.acm.org/doi/10.1145/3580305.3599256'],
    // Typed with caps lock on: no address or id is all capitals, and arXiv's path and version letter are lowercase.
    ['HTTPS://ARXIV.ORG/ABS/2401.12345V2', 'https://arxiv.org/abs/2401.12345v2'],
    ['ARXIV.ORG/PDF/HEP-TH/9901001', 'https://arxiv.org/pdf/hep-th/9901001'],
    ['2401.12345V2', 'https://arxiv.org/abs/2401.12345v2'],
    ['arXiv:2401.12345V3', 'https://arxiv.org/abs/2401.12345v3'],
    ['DOI:10.1145/3580305.3599256', 'https://doi.org/10.1145/3580305.3599256'],
    ['P19-1001', 'https://aclanthology.org/P19-1001/'],
  ])('%s stands for %s', (typed, address) => {
    expect(typedAddress(typed)).toBe(address);
  });

  it.each([
    '',
    '   ',
    'attention',
    'sparse routing', // words being searched for
    '2401', // a prefix of an id still being typed
    '2401.1234', // not an id of 2024 (five digits)
    '10.1145', // a DOI prefix alone
    'arxiv.org', // a site, no paper
    'acl-long.1', // no year
    'javascript:alert(1)',
    'ftp://arxiv.org/abs/2401.12345',
    'https://',
    `https://arxiv.org/abs/${'x'.repeat(4100)}`,
  ])('%j is none', (typed) => {
    expect(typedAddress(typed)).toBeNull();
  });
});

describe('pastedAddresses: a pasted list of papers', () => {
  it('reads one per line or between commas, without the brackets and punctuation around them, each once', () => {
    const text = [
      '2401.12345',
      '  https://arxiv.org/pdf/2402.00001v2 , 10.1145/3580305.3599256;',
      'See (arXiv:2401.12345). And <https://openreview.net/forum?id=Xk9pQ2vN7a>',
      '"doi:10.18653/v1/2023.acl-long.1"',
    ].join('\n');
    expect(pastedAddresses(text)).toEqual({
      addresses: [
        'https://arxiv.org/abs/2401.12345',
        'https://arxiv.org/pdf/2402.00001v2',
        'https://doi.org/10.1145/3580305.3599256',
        'https://openreview.net/forum?id=Xk9pQ2vN7a',
        'https://doi.org/10.18653/v1/2023.acl-long.1',
      ],
      ignored: ['See', 'And'],
      truncated: false,
    });
  });

  it(`keeps the first ${MAX_PASTED} and says more were left out`, () => {
    const ids = Array.from({ length: MAX_PASTED + 3 }, (_, i) => `2401.${String(10000 + i)}`);
    const read = pastedAddresses([...ids, ids[0]].join('\n'));
    expect(read.addresses).toHaveLength(MAX_PASTED);
    expect(read.addresses.at(-1)).toBe(`https://arxiv.org/abs/2401.${10000 + MAX_PASTED - 1}`);
    expect(read.truncated).toBe(true);
    expect(pastedAddresses(ids.slice(0, MAX_PASTED).join(' ')).truncated).toBe(false);
  });

  it('drops a question or exclamation mark after an id, but not a ")" the id itself opened', () => {
    expect(pastedAddresses('Can we read arXiv:2401.12345? Read 2402.00001! Is it 10.1145/3580305.3599256?').addresses).toEqual([
      'https://arxiv.org/abs/2401.12345',
      'https://arxiv.org/abs/2402.00001',
      'https://doi.org/10.1145/3580305.3599256',
    ]);
    expect(pastedAddresses('https://arxiv.org/abs/2401.12345!').addresses).toEqual(['https://arxiv.org/abs/2401.12345']);
    // Older ASCE DOIs end in "(page)"; in brackets of their own, the brackets go and the DOI's stay.
    const doi = '10.1061/(ASCE)0733-9445(2006)132:2(246)';
    expect(pastedAddresses(doi).addresses).toEqual([`https://doi.org/${doi}`]);
    expect(pastedAddresses(`(doi:${doi}).`).addresses).toEqual([`https://doi.org/${doi}`]);
  });

  it("reads the ids in a BibTeX entry (arXiv's, Google Scholar's, a publisher's), whose braces hold them", () => {
    const arxiv = '@misc{vaswani2017attention,\n  title={Attention Is All You Need},\n  eprint={1706.03762},\n  archivePrefix={arXiv},\n  url={https://arxiv.org/abs/1706.03762},\n}';
    expect(pastedAddresses(arxiv).addresses).toEqual(['https://arxiv.org/abs/1706.03762']);
    expect(pastedAddresses('@article{v2017,title={Attention},journal={arXiv preprint arXiv:1706.03762},year={2017}}').addresses).toEqual(['https://arxiv.org/abs/1706.03762']);
    expect(pastedAddresses('@inproceedings{k, doi = {10.1145/3580305.3599256}, url = {https://doi.org/10.1145/3580305.3599256}}').addresses).toEqual([
      'https://doi.org/10.1145/3580305.3599256',
    ]);
  });

  it('is empty for nothing pasted', () => {
    expect(pastedAddresses('  \n ,; ')).toEqual({ addresses: [], ignored: [], truncated: false });
  });
});
