import { describe, expect, it } from 'vitest';
import { canonicalId } from './ids';
import { openReviewId, venueIdFromUrl, venueIdFromUrls, venueIdsFromUrls, venuePaperFromUrl } from './venues';

const HASH = '3f5ee243547dee91fbd053c1c4a845aa';

describe('venueIdFromUrl: one id for every address of a venue paper', () => {
  it.each([
    // PMLR: page, PDF (both layouts), supplement, reissued volume, JMLR W&CP, http
    ['https://proceedings.mlr.press/v202/smith23a.html', 'pmlr:v202/smith23a'],
    ['https://proceedings.mlr.press/v202/smith23a/smith23a.pdf', 'pmlr:v202/smith23a'],
    ['https://proceedings.mlr.press/v202/smith23a/smith23a-supp.pdf', 'pmlr:v202/smith23a'],
    ['http://proceedings.mlr.press/v37/ioffe15.pdf', 'pmlr:v37/ioffe15'],
    ['http://proceedings.mlr.press/v37/ioffe15-supp.pdf', 'pmlr:v37/ioffe15'],
    ['https://proceedings.mlr.press/r12/doe99a.html?x=1#abstract', 'pmlr:r12/doe99a'],
    ['http://jmlr.org/proceedings/papers/v28/sutskever13.html', 'pmlr:v28/sutskever13'],
    ['http://www.jmlr.org/proceedings/papers/v28/sutskever13.pdf', 'pmlr:v28/sutskever13'],
    // NeurIPS: abstract, paper PDF, supplement, tracks, both hosts, the 2020-2022 path
    [`https://proceedings.neurips.cc/paper_files/paper/2023/hash/${HASH}-Abstract-Conference.html`, `neurips:2023/${HASH}`],
    [`https://proceedings.neurips.cc/paper_files/paper/2023/file/${HASH}-Paper-Conference.pdf`, `neurips:2023/${HASH}`],
    [`https://proceedings.neurips.cc/paper_files/paper/2023/file/${HASH}-Supplemental-Conference.zip`, `neurips:2023/${HASH}`],
    [`https://papers.nips.cc/paper_files/paper/2025/hash/${HASH}-Abstract-Datasets_and_Benchmarks_Track.html`, `neurips:2025/${HASH}`],
    [`https://proceedings.neurips.cc/paper/2017/hash/${HASH}-Abstract.html`, `neurips:2017/${HASH}`],
    [`http://papers.nips.cc/paper/2017/file/${HASH.toUpperCase()}-Paper.pdf`, `neurips:2017/${HASH}`],
    // OpenReview: forum, PDF, attachment
    ['https://openreview.net/forum?id=rkgNKkHtvB', 'openreview:rkgNKkHtvB'],
    ['https://openreview.net/pdf?id=rkgNKkHtvB', 'openreview:rkgNKkHtvB'],
    ['https://openreview.net/attachment?id=rkgNKkHtvB&name=supplementary_material', 'openreview:rkgNKkHtvB'],
    ['https://openreview.net/forum?id=rkgNKkHtvB&noteId=rkgNKkHtvB', 'openreview:rkgNKkHtvB'],
    // CVF: page, PDF, supplement, workshops, the pre-2020 layout
    ['https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open_Seg_CVPR_2024_paper.html', 'cvf:Okafor_Open_Seg_CVPR_2024'],
    ['https://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open_Seg_CVPR_2024_paper.pdf', 'cvf:Okafor_Open_Seg_CVPR_2024'],
    ['https://openaccess.thecvf.com/content/CVPR2024/supplemental/Okafor_Open_Seg_CVPR_2024_supplemental.pdf', 'cvf:Okafor_Open_Seg_CVPR_2024'],
    ['https://openaccess.thecvf.com/content/CVPR2024W/VAND/papers/Lee_Anomaly_CVPRW_2024_paper.pdf', 'cvf:Lee_Anomaly_CVPRW_2024'],
    ['http://openaccess.thecvf.com/content_ICCV_2019/html/Lind_Depth_ICCV_2019_paper.html', 'cvf:Lind_Depth_ICCV_2019'],
    ['http://openaccess.thecvf.com/content_CVPRW_2019/papers/CLIC/Ko_Codec_CVPRW_2019_paper.pdf', 'cvf:Ko_Codec_CVPRW_2019'],
    // 2017-2018 workshops: content_<conf>_<year>_workshops, the workshop before html/ and after papers/
    ['http://openaccess.thecvf.com/content_cvpr_2018_workshops/w4/html/Zhou_D-LinkNet_LinkNet_With_CVPR_2018_paper.html', 'cvf:Zhou_D-LinkNet_LinkNet_With_CVPR_2018'],
    ['https://openaccess.thecvf.com/content_cvpr_2018_workshops/papers/w4/Zhou_D-LinkNet_LinkNet_With_CVPR_2018_paper.pdf', 'cvf:Zhou_D-LinkNet_LinkNet_With_CVPR_2018'],
    ['http://openaccess.thecvf.com/content_cvpr_2018_workshops/supplemental/Lee_Attribute_Augmented_Convolutional_CVPR_2018_supplemental.pdf', 'cvf:Lee_Attribute_Augmented_Convolutional_CVPR_2018'],
    ['http://openaccess.thecvf.com/content_ICCV_2017_workshops/w13/html/Shi_Spectral_ICCV_2017_paper.html', 'cvf:Shi_Spectral_ICCV_2017'],
    // ACL Anthology: page, PDF, revision, aclweb.org
    ['https://aclanthology.org/2023.acl-long.1/', 'aclanthology:2023.acl-long.1'],
    ['https://aclanthology.org/2023.acl-long.1.pdf', 'aclanthology:2023.acl-long.1'],
    ['https://aclanthology.org/2023.acl-long.1v2.pdf', 'aclanthology:2023.acl-long.1'],
    ['https://aclanthology.org/P17-1001', 'aclanthology:P17-1001'],
    ['https://www.aclweb.org/anthology/P19-1001/', 'aclanthology:P19-1001'],
    ['http://aclweb.org/anthology/P/P17/P17-1001.pdf', 'aclanthology:P17-1001'],
    ['https://www.aclweb.org/anthology/papers/N/N19/N19-1423/', 'aclanthology:N19-1423'], // the 2018-2019 site's paper page
    ['https://www.aclweb.org/anthology/2020.acl-main.1.pdf', 'aclanthology:2020.acl-main.1'],
  ])('%s is %s', (href, id) => {
    expect(venueIdFromUrl(href)).toBe(id);
  });

  it('gives the id each venue adapter gives for its own page', () => {
    expect(venuePaperFromUrl('https://proceedings.mlr.press/v202/smith23a.html')).toEqual({ site: 'pmlr', siteId: 'v202/smith23a' });
    expect(venuePaperFromUrl('/v202/nguyen23c/nguyen23c.pdf', 'https://proceedings.mlr.press/v202/')).toEqual({ site: 'pmlr', siteId: 'v202/nguyen23c' });
    expect(openReviewId('/pdf?id=Xk9pQ2vN7a', 'https://openreview.net/group?id=ICLR.cc/2024/Conference')).toBe('Xk9pQ2vN7a');
  });

  it.each([
    // Not a paper: volumes, listings, venue forums, replies, the old NeurIPS number (no hash)
    'https://proceedings.mlr.press/v202/',
    'https://proceedings.mlr.press/v202/smith23a/other23b.pdf',
    'https://proceedings.neurips.cc/paper/2017',
    'https://papers.nips.cc/paper/7181-attention-is-all-you-need',
    'https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf',
    `https://proceedings.neurips.cc/paper/2017/hash/${HASH}`,
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum?id=rkgNKkHtvB&noteId=HyxQ1234ab',
    'https://openreview.net/forum',
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://openaccess.thecvf.com/content/CVPR2024/html/_paper.html',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/people/jane-doe/',
    // Look-alike hosts, other schemes, garbage
    'https://proceedings.mlr.press.evil.example/v202/smith23a.html',
    'https://evil.example/proceedings.mlr.press/v202/smith23a.html',
    'https://openreview.net.evil.example/forum?id=rkgNKkHtvB',
    'javascript:alert(1)//openreview.net/forum?id=rkgNKkHtvB',
    'ftp://openaccess.thecvf.com/content/CVPR2024/html/A_CVPR_2024_paper.html',
    'not a url',
    '',
  ])('%s names no venue paper', (href) => {
    expect(venueIdFromUrl(href)).toBeNull();
  });

  it('reads nothing from overlong addresses and makes no overlong id', () => {
    expect(venueIdFromUrl(`https://openreview.net/forum?id=${'a'.repeat(3000)}`)).toBeNull();
    expect(venueIdFromUrl(`https://openreview.net/forum?id=${'a'.repeat(201)}`)).toBeNull();
    expect(venueIdFromUrl(`https://openaccess.thecvf.com/content/CVPR2024/html/${'A'.repeat(500)}_paper.html`)).toBeNull();
    expect(venueIdFromUrl(`https://openreview.net/forum?id=${'a'.repeat(200)}`)).toBe(`openreview:${'a'.repeat(200)}`);
  });

  it('takes a proceedings page before an OpenReview forum, in any link order', () => {
    const links = ['https://openreview.net/forum?id=AbC123', 'https://proceedings.mlr.press/v202/solo23b.html'];
    expect(venueIdFromUrls(links)).toBe('pmlr:v202/solo23b');
    expect(venueIdFromUrls([...links].reverse())).toBe('pmlr:v202/solo23b');
    expect(venueIdFromUrls([null, undefined, 'https://dblp.org/pid/1/2.html'])).toBeNull();
  });

  it('names every venue paper the links are, each once, in the same order (the first is venueIdFromUrls)', () => {
    const links = [
      'https://openreview.net/forum?id=AbC123',
      'https://proceedings.mlr.press/v202/solo23b.html',
      'https://openreview.net/pdf?id=AbC123',
      'https://proceedings.mlr.press/v202/solo23b/solo23b.pdf',
      'https://dblp.org/pid/1/2.html',
    ];
    expect(venueIdsFromUrls(links)).toEqual(['pmlr:v202/solo23b', 'openreview:AbC123']);
    expect(venueIdsFromUrls([...links].reverse())).toEqual(['pmlr:v202/solo23b', 'openreview:AbC123']);
    expect(venueIdsFromUrls([null, 'https://dblp.org/pid/1/2.html'])).toEqual([]);
  });
});

describe('canonicalId with a venue id', () => {
  it('puts arXiv, then DOI, then the venue, then the listing site', () => {
    const venue = 'pmlr:v202/smith23a';
    expect(canonicalId({ arxiv: '2302.01234', doi: '10.1000/x', venue, site: 'dblp', siteId: 'conf/icml/Smith23' })).toBe('arxiv:2302.01234');
    expect(canonicalId({ doi: '10.1000/x', venue, site: 'dblp', siteId: 'conf/icml/Smith23' })).toBe('doi:10.1000/x');
    expect(canonicalId({ doi: '10.18653/v1/2023.acl-long.1', venue: 'openreview:x', site: 'scholar', siteId: 'y' })).toBe('aclanthology:2023.acl-long.1');
    expect(canonicalId({ venue, site: 'dblp', siteId: 'conf/icml/Smith23' })).toBe(venue);
    expect(canonicalId({ venue: null, site: 'dblp', siteId: 'conf/icml/Smith23' })).toBe('dblp:conf/icml/Smith23');
  });
});
