import { describe, expect, it } from 'vitest';
import { typedAddress } from './typed-address';

describe('typedAddress: a paper reference typed or pasted', () => {
  it.each([
    ['2401.12345', 'https://arxiv.org/abs/2401.12345'],
    ['  arXiv:2401.12345v2 ', 'https://arxiv.org/abs/2401.12345v2'],
    ['ARXIV:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ['10.1145/3580305.3599256', 'https://doi.org/10.1145/3580305.3599256'],
    ['doi:10.18653/v1/2023.acl-long.1', 'https://doi.org/10.18653/v1/2023.acl-long.1'],
    ['2023.acl-long.1', 'https://aclanthology.org/2023.acl-long.1/'],
    ['p19-1001', 'https://aclanthology.org/P19-1001/'],
    ['https://openreview.net/forum?id=Xk9pQ2vN7a', 'https://openreview.net/forum?id=Xk9pQ2vN7a'],
    ['HTTP://arxiv.org/pdf/2401.12345', 'http://arxiv.org/pdf/2401.12345'],
    ['arxiv.org/abs/2401.12345', 'https://arxiv.org/abs/2401.12345'],
    ['dl.acm.org/doi/10.1145/3580305.3599256', 'https://dl.acm.org/doi/10.1145/3580305.3599256'],
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
