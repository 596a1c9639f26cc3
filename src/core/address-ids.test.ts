import { describe, expect, it } from 'vitest';
import { minimalPaper } from '../background/save-link/metadata';
import { identifyLink } from '../background/save-link/targets';
import { addressIds, onePaperAddress } from './address-ids';
import { pastedAddresses } from './typed-address';

/** Addresses of papers, of every kind "Save to reading list" on a link saves (save-link/targets.test.ts). */
const PAPERS = [
  'https://arxiv.org/abs/2402.09876',
  'http://arxiv.org/abs/2402.09876v3',
  'https://arxiv.org/pdf/2402.09876v2',
  'https://arxiv.org/html/2402.09876v1#S3',
  'https://export.arxiv.org/pdf/math.GT/0309136',
  'https://ar5iv.org/html/hep-th/9901001',
  'https://huggingface.co/papers/2402.09876',
  'https://alphaxiv.org/overview/2402.09876v2',
  'https://doi.org/10.48550/arXiv.2402.09876',
  'https://doi.org/10.1145/3650000.3650123',
  'http://dx.doi.org/10.1016/J.Neunet.2024.106123',
  'https://dl.acm.org/doi/pdf/10.1145/3580305.3599256',
  'https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00577/116710/Lost-in-the-Middle',
  'https://link.springer.com/chapter/10.1007/978-3-031-19775-8_1',
  'https://www.ijcai.org/proceedings/2019/0264.pdf',
  'https://aclanthology.org/2023.acl-long.1/',
  'https://aclanthology.org/2022.findings-acl.12v2.pdf',
  'https://www.aclweb.org/anthology/P19-1001.pdf',
  'https://openreview.net/forum?id=Hk7x9QbRZa',
  'https://openreview.net/pdf?id=Hk7x9QbRZa',
  'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf',
  'http://www.jmlr.org/proceedings/papers/v37/ioffe15.pdf',
  'https://proceedings.neurips.cc/paper/2019/hash/d0921d442ee91b896ad95059d13df618-Abstract.html',
  'https://papers.nips.cc/paper_files/paper/2025/file/00112233445566778899aabbccddeeff-Paper-Datasets_and_Benchmarks_Track.pdf',
  'https://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_CVPR_2024_paper.pdf',
];

describe('addressIds: the ids a paper address names it by', () => {
  it.each(PAPERS)('%s: among them the id a save from that address gives the paper', (url) => {
    const target = identifyLink(url);
    expect(target).not.toBeNull();
    expect(addressIds(url)).toContain(minimalPaper(target!).id);
  });

  it.each([
    ['https://arxiv.org/abs/2401.00001v2', ['arxiv:2401.00001']],
    ['https://huggingface.co/papers/2401.00001', ['arxiv:2401.00001']],
    ['https://doi.org/10.48550/arXiv.2401.00001', ['arxiv:2401.00001']],
    ['https://doi.org/10.1145/3580305.3599256', ['doi:10.1145/3580305.3599256']],
    ['https://aclanthology.org/2023.acl-long.1.pdf', ['aclanthology:2023.acl-long.1']],
    ['https://openreview.net/forum?id=Hk7x9QbRZa', ['openreview:Hk7x9QbRZa']],
  ])('%s names %j', (url, ids) => {
    expect(addressIds(url)).toEqual(ids);
  });

  it.each(['https://arxiv.org/list/cs.LG/recent', 'https://huggingface.co/papers/trending', 'https://openreview.net/group?id=ICLR.cc/2024/Conference', 'https://example.org/', 'ftp://arxiv.org/abs/2401.00001', 'attention'])(
    '%s names none',
    (url) => {
      expect(addressIds(url)).toEqual([]);
    },
  );
});

describe('onePaperAddress: the one paper pasted text names', () => {
  const pasted = (text: string) => onePaperAddress(pastedAddresses(text).addresses);

  it("arXiv's \"Cite as\" copied whole names its paper three times: the first address", () => {
    const citeAs = 'arXiv:1706.03762 [cs.CL]\n(or arXiv:1706.03762v7 [cs.CL] for this version)\nhttps://doi.org/10.48550/arXiv.1706.03762';
    expect(pasted(citeAs)).toBe('https://arxiv.org/abs/1706.03762');
    expect(pasted('https://huggingface.co/papers/1706.03762 arXiv:1706.03762')).toBe('https://huggingface.co/papers/1706.03762');
  });

  it('one address, even one that names no paper (the background decides); none, or two papers: null', () => {
    expect(pasted('https://arxiv.org/list/cs.LG/new')).toBe('https://arxiv.org/list/cs.LG/new');
    expect(pasted('attention is all you need')).toBeNull();
    expect(pasted('2606.41234 2606.41235')).toBeNull();
    expect(pasted('https://example.org/a https://example.org/b')).toBeNull();
    expect(pasted('10.1145/3580305.3599256 arXiv:2606.41234')).toBeNull();
  });
});
