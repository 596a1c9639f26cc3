import { describe, expect, it } from 'vitest';
import { addressedPapers } from './addressed-search';
import { makeSaved } from './fake-api';

const LIST = [
  makeSaved('arxiv:2401.00001', 'Sparse Routing', 3000, {}, { doi: '10.1145/3580305.3599256' }),
  makeSaved('doi:10.1109/cvpr52733.2026.00042', 'The Journal Version', 2000, {}, { aliases: ['arxiv:2401.00002', 'cvf:Okafor_Open-Vocabulary_Segmentation_CVPR_2024'] }),
  makeSaved('openreview:Hk7x9QbRZa', 'A Forum Paper', 1000),
];

describe('addressedPapers: the saved paper an address pasted in the search names', () => {
  it.each([
    ['https://arxiv.org/abs/2401.00001v2', ['arxiv:2401.00001']],
    ['arxiv.org/pdf/2401.00001', ['arxiv:2401.00001']],
    ['https://huggingface.co/papers/2401.00001', ['arxiv:2401.00001']],
    ['arXiv:2401.00001v3', ['arxiv:2401.00001']],
    ['https://doi.org/10.48550/arXiv.2401.00001', ['arxiv:2401.00001']],
    // By its own DOI, and by its aliases.
    ['https://doi.org/10.1145/3580305.3599256', ['arxiv:2401.00001']],
    ['10.1145/3580305.3599256', ['arxiv:2401.00001']],
    ['https://arxiv.org/abs/2401.00002', ['doi:10.1109/cvpr52733.2026.00042']],
    ['https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_CVPR_2024_paper.html', ['doi:10.1109/cvpr52733.2026.00042']],
    ['https://openreview.net/pdf?id=Hk7x9QbRZa', ['openreview:Hk7x9QbRZa']],
    // One paper named in a reference pasted whole, as the "You typed:" line reads it.
    ['Sparse Routing. arXiv:2401.00001 [cs.LG]', ['arxiv:2401.00001']],
    // arXiv's "Cite as" copied whole: one paper, named three times.
    ['arXiv:2401.00001 [cs.LG]\n(or arXiv:2401.00001v2 [cs.LG] for this version)\nhttps://doi.org/10.48550/arXiv.2401.00001', ['arxiv:2401.00001']],
  ])('%s finds %j', (text, ids) => {
    expect(addressedPapers(text, LIST)).toEqual(ids);
  });

  it.each([
    'sparse routing', // words
    '2401', // an id being typed
    'https://arxiv.org/abs/2401.00009', // a paper not in the list
    'https://arxiv.org/list/cs.LG/new', // no paper
    '2401.00001 2401.00002', // two papers: the line names none either
  ])('%s finds none by address', (text) => {
    expect(addressedPapers(text, LIST)).toEqual([]);
  });

  it('follows the list: a paper saved since is found', () => {
    expect(addressedPapers('2401.00003', LIST)).toEqual([]);
    expect(addressedPapers('2401.00003', [...LIST, makeSaved('arxiv:2401.00003', 'New', 4000)])).toEqual(['arxiv:2401.00003']);
  });
});
