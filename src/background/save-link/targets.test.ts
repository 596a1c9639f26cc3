import { describe, expect, it } from 'vitest';
import { identifyLink, LINK_PATTERNS, type LinkTarget } from './targets';

/** Match-pattern semantics as Chrome and Firefox apply them to link targets (path includes the query). */
function matches(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`invalid match pattern ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const url = new URL(href);
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}
const matched = (href: string) => LINK_PATTERNS.some((p) => matches(p, href));

const NEURIPS = 'https://proceedings.neurips.cc/paper_files/paper';
const CVF = 'https://openaccess.thecvf.com';
/** Links that each name one paper page of `site`, which is read. */
const pages = (site: 'pmlr' | 'neurips' | 'cvf' | 'aclanthology', url: string, links: string[]): Array<[string, LinkTarget]> =>
  links.map((link) => [link, { kind: 'page', site, url }]);

const PAPER_LINKS: Array<[string, LinkTarget]> = [
  ['https://arxiv.org/abs/2402.09876', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['http://arxiv.org/abs/2402.09876v3', { kind: 'arxiv', id: '2402.09876', version: 3 }],
  ['https://arxiv.org/abs/2402.09876?context=cs.LG', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['https://arxiv.org/pdf/2402.09876v2', { kind: 'arxiv', id: '2402.09876', version: 2 }],
  ['https://arxiv.org/pdf/2402.09876.pdf', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['https://arxiv.org/html/2402.09876v1#S3', { kind: 'arxiv', id: '2402.09876', version: 1 }],
  ['https://www.arxiv.org/abs/1706.03762', { kind: 'arxiv', id: '1706.03762', version: null }],
  ['https://export.arxiv.org/abs/hep-th/9901001v1', { kind: 'arxiv', id: 'hep-th/9901001', version: 1 }],
  ['https://export.arxiv.org/pdf/math.GT/0309136', { kind: 'arxiv', id: 'math/0309136', version: null }], // the subject class is no part of the id
  ['https://browse.arxiv.org/abs/2402.09876v1', { kind: 'arxiv', id: '2402.09876', version: 1 }],
  ['https://ar5iv.labs.arxiv.org/html/1910.06709', { kind: 'arxiv', id: '1910.06709', version: null }], // arXiv's HTML view before /html/
  ['https://ar5iv.org/abs/1910.06709v2', { kind: 'arxiv', id: '1910.06709', version: 2 }],
  ['https://ar5iv.org/html/hep-th/9901001', { kind: 'arxiv', id: 'hep-th/9901001', version: null }],
  ['https://huggingface.co/papers/2402.09876', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['https://www.alphaxiv.org/abs/2402.09876', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['https://alphaxiv.org/overview/2402.09876v2', { kind: 'arxiv', id: '2402.09876', version: 2 }],
  ['https://openreview.net/forum?id=Hk7x9QbRZa', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  ['https://openreview.net/forum?id=r1-x_Y&noteId=rv1AbCdEfG', { kind: 'openreview', id: 'r1-x_Y' }],
  ['https://openreview.net/pdf?id=Hk7x9QbRZa', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  ['https://openreview.net/attachment?id=Hk7x9QbRZa&name=pdf', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  // As older papers' references write them: http, www.
  ['http://openreview.net/forum?id=Hk7x9QbRZa', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  ['https://www.openreview.net/pdf?id=Hk7x9QbRZa', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  ['https://www.doi.org/10.1145/3650000.3650123', { kind: 'doi', doi: '10.1145/3650000.3650123' }],
  ['http://huggingface.co/papers/2402.09876', { kind: 'arxiv', id: '2402.09876', version: null }],
  ['http://www.alphaxiv.org/abs/2402.09876v1', { kind: 'arxiv', id: '2402.09876', version: 1 }],
  ['https://arxiv.org/format/2402.09876v2', { kind: 'arxiv', id: '2402.09876', version: 2 }], // "Other formats"
  ['https://doi.org/10.1145/3650000.3650123', { kind: 'doi', doi: '10.1145/3650000.3650123' }],
  ['http://dx.doi.org/10.1016/J.Neunet.2024.106123', { kind: 'doi', doi: '10.1016/j.neunet.2024.106123' }],
  ['https://doi.org/10.1000/a%2Fb(1)/', { kind: 'doi', doi: '10.1000/a/b(1)' }],
  ['https://doi.org/10.48550/arXiv.2402.09876', { kind: 'doi', doi: '10.48550/arxiv.2402.09876' }],
  // A SICI DOI, `<…>` inside: the whole DOI, not the issue its first part names.
  ['https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0', { kind: 'doi', doi: '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0' }],
  // Google Scholar's redirect to a result, as its alert mails link every paper (the address escaped or not)
  ['https://scholar.google.com/scholar_url?url=https://arxiv.org/pdf/2402.09876v2&hl=en&sa=X&d=123&ei=abc&scisig=xyz&oi=scholaralrt&hist=q:1&html=&pos=0&folt=kw', { kind: 'arxiv', id: '2402.09876', version: 2 }],
  ['http://scholar.google.de/scholar_url?url=https%3A%2F%2Fdl.acm.org%2Fdoi%2Fabs%2F10.1145%2F3580305.3599256&hl=de&sa=X', { kind: 'doi', doi: '10.1145/3580305.3599256' }],
  ['https://scholar.google.com/scholar_url?url=https://openreview.net/forum%3Fid%3DHk7x9QbRZa&hl=en', { kind: 'openreview', id: 'Hk7x9QbRZa' }],
  // ACL Anthology papers with an ACL DOI: the paper page (with or without its slash), its PDF and a revision's PDF
  ['https://aclanthology.org/2023.acl-long.1/', { kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' }],
  // The 2018-2019 site's paper page, as many references still link it
  ['https://www.aclweb.org/anthology/papers/N/N19/N19-1423/', { kind: 'doi', doi: '10.18653/v1/N19-1423' }],
  ['https://aclanthology.org/2023.acl-long.1', { kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' }],
  ['https://aclanthology.org/2023.acl-long.1.pdf', { kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' }],
  ['https://aclanthology.org/2022.findings-acl.12v2.pdf', { kind: 'doi', doi: '10.18653/v1/2022.findings-acl.12' }],
  ['http://www.aclanthology.org/2020.emnlp-main.550/#abstract', { kind: 'doi', doi: '10.18653/v1/2020.emnlp-main.550' }],
  ['https://aclanthology.org/P19-1001/', { kind: 'doi', doi: '10.18653/v1/P19-1001' }],
  ['https://aclanthology.org/P19-1001.pdf', { kind: 'doi', doi: '10.18653/v1/P19-1001' }],
  ['https://aclanthology.org/W17-4201', { kind: 'doi', doi: '10.18653/v1/W17-4201' }],
  ['https://aclanthology.org/p18-1001.pdf', { kind: 'doi', doi: '10.18653/v1/P18-1001' }], // old-style ids start with a capital
  ['https://aclanthology.org/2023.ACL-long.1/', { kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' }], // new-style ones are lowercase
  // The anthology's address until 2020, in many papers' references
  ['https://www.aclweb.org/anthology/P19-1001.pdf', { kind: 'doi', doi: '10.18653/v1/P19-1001' }],
  ['http://aclweb.org/anthology/D18-1045', { kind: 'doi', doi: '10.18653/v1/D18-1045' }],
  ['https://www.aclweb.org/anthology/2020.acl-main.1/', { kind: 'doi', doi: '10.18653/v1/2020.acl-main.1' }],
  // ACL Anthology papers the ACL gave no DOI of its own: their anthology page is read (the page or PDF, either host)
  ...pages('aclanthology', 'https://aclanthology.org/2020.lrec-1.1/', [
    'https://aclanthology.org/2020.lrec-1.1/', // LREC
    'https://aclanthology.org/2020.lrec-1.1.pdf',
    'https://www.aclweb.org/anthology/2020.lrec-1.1.pdf',
  ]),
  ...pages('aclanthology', 'https://aclanthology.org/2024.x-1.5/', ['https://aclanthology.org/2024.x-1.5/']), // a workshop since 2020
  ...pages('aclanthology', 'https://aclanthology.org/P16-1001/', [
    'https://aclanthology.org/P16-1001/', // before 2017
    'https://aclanthology.org/p16-1001.pdf',
    'https://www.aclweb.org/anthology/P16-1001.pdf',
    'http://aclweb.org/anthology/P/P16/P16-1001.pdf',
  ]),
  ...pages('aclanthology', 'https://aclanthology.org/Q19-1001/', ['https://aclanthology.org/Q19-1001/']), // TACL: MIT Press DOIs
  ...pages('aclanthology', 'https://aclanthology.org/J19-1001/', ['https://aclanthology.org/J19-1001.pdf']), // CL: MIT Press DOIs
  ...pages('aclanthology', 'https://aclanthology.org/C69-0101/', ['https://aclanthology.org/C69-0101/']),
  ...pages('aclanthology', 'https://aclanthology.org/1995.iwpt-1.1/', ['https://aclanthology.org/1995.iwpt-1.1/']), // an older event, new-style id
  // Publishers' pages and PDFs whose address carries the DOI (core/publishers.ts): read through the DOI
  ['https://dl.acm.org/doi/pdf/10.1145/3580305.3599256', { kind: 'doi', doi: '10.1145/3580305.3599256' }],
  ['https://link.springer.com/chapter/10.1007/978-3-031-19775-8_1', { kind: 'doi', doi: '10.1007/978-3-031-19775-8_1' }],
  ['https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00577/116710/Lost-in-the-Middle', { kind: 'doi', doi: '10.1162/tacl_a_00577' }],
  ['https://www.nature.com/articles/nature14539', { kind: 'doi', doi: '10.1038/nature14539' }],
  ['https://www.ijcai.org/proceedings/2019/0264.pdf', { kind: 'doi', doi: '10.24963/ijcai.2019/264' }],
  // PMLR, NeurIPS and CVF papers: no DOI or API, so their own page is read (its paper page, from the page or its PDF)
  ...pages('pmlr', 'https://proceedings.mlr.press/v202/exemplo23a.html', [
    'https://proceedings.mlr.press/v202/exemplo23a.html',
    'http://proceedings.mlr.press/v202/exemplo23a.html#abstract',
    'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf',
    'https://jmlr.org/proceedings/papers/v202/exemplo23a.html', // JMLR W&CP, PMLR's address before 2017
  ]),
  ...pages('pmlr', 'https://proceedings.mlr.press/v37/ioffe15.html', ['https://proceedings.mlr.press/v37/ioffe15.pdf', 'http://www.jmlr.org/proceedings/papers/v37/ioffe15.pdf']),
  ...pages('pmlr', 'https://proceedings.mlr.press/r12/smith09a.html', ['https://proceedings.mlr.press/r12/smith09a.html']), // a reissued volume
  ...pages('neurips', `${NEURIPS}/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html`, [
    `${NEURIPS}/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html`,
    `${NEURIPS}/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf`, // the PDF beside it (the adapter's own mapping)
    'https://papers.neurips.cc/paper_files/paper/2023/file/0A1B2C3D4E5F60718293A4B5C6D7E8F9-Paper-Conference.pdf',
  ]),
  ...pages('neurips', `${NEURIPS}/2019/hash/d0921d442ee91b896ad95059d13df618-Abstract.html`, [
    'https://proceedings.neurips.cc/paper/2019/hash/d0921d442ee91b896ad95059d13df618-Abstract.html', // before 2023: redirected there
    'http://proceedings.neurips.cc/paper/2019/file/d0921d442ee91b896ad95059d13df618-Paper.pdf',
  ]),
  ...pages('neurips', 'https://papers.nips.cc/paper_files/paper/2025/hash/00112233445566778899aabbccddeeff-Abstract-Datasets_and_Benchmarks_Track.html', [
    'https://papers.nips.cc/paper_files/paper/2025/file/00112233445566778899aabbccddeeff-Paper-Datasets_and_Benchmarks_Track.pdf',
  ]),
  ...pages('cvf', `${CVF}/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html`, [
    `${CVF}/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html`,
    `${CVF}/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf`,
    `http://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf?download=1`,
  ]),
  ...pages('cvf', `${CVF}/content_ICCV_2019/html/Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.html`, [
    `${CVF}/content_ICCV_2019/papers/Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.pdf`,
  ]),
  ...pages('cvf', `${CVF}/content/CVPR2024W/MAT/html/Doe_Tiny_Workshop_Paper_CVPRW_2024_paper.html`, [
    `${CVF}/content/CVPR2024W/MAT/papers/Doe_Tiny_Workshop_Paper_CVPRW_2024_paper.pdf`,
  ]),
  ...pages('cvf', `${CVF}/content_CVPRW_2019/html/CEFRL/Doe_Older_Workshop_Paper_CVPRW_2019_paper.html`, [
    `${CVF}/content_CVPRW_2019/papers/CEFRL/Doe_Older_Workshop_Paper_CVPRW_2019_paper.pdf`,
  ]),
  // 2017-2018 workshops put the workshop before `html` and after `papers`
  ...pages('cvf', `${CVF}/content_cvpr_2018_workshops/w13/html/Doe_Oldest_Workshop_Paper_CVPR_2018_paper.html`, [
    `${CVF}/content_cvpr_2018_workshops/w13/html/Doe_Oldest_Workshop_Paper_CVPR_2018_paper.html`,
    `${CVF}/content_cvpr_2018_workshops/papers/w13/Doe_Oldest_Workshop_Paper_CVPR_2018_paper.pdf`,
  ]),
];

describe('identifyLink', () => {
  it.each(PAPER_LINKS)('%s', (href, target) => {
    expect(identifyLink(href)).toEqual(target);
  });

  it.each([
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/date/2024-02-16',
    'https://openreview.net/forum?id=ICLR.cc/2024/Conference', // a venue, not a paper
    'https://openreview.net/forum?id=',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/profile?id=Hk7x9QbRZa',
    'https://doi.org/',
    'https://doi.org/abc/10.1000/xyz', // the DOI must be the path, not somewhere in it
    'https://doi.org/10.1000/xyz.', // sentence punctuation is not part of a link's DOI
    'https://doi.org/10.1000/%E0%A4%A', // malformed escape
    `https://doi.org/10.1000/${'x'.repeat(260)}`,
    // A DOI with a `.` or `..` segment (escaped slashes, a query's id) would walk doi.org's path to another DOI's metadata.
    'https://doi.org/10.1234%2F..%2F..%2F10.5555%2Fother',
    'https://doi.org/10.1234%2F.%2Fx',
    'https://journals.plos.org/plosone/article?id=10.1371/../../10.5555/other',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/abs/2413.00001', // no 13th month
    // ACL Anthology pages that are no paper, and what else a paper links
    'https://aclanthology.org/',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/volumes/P19-1/',
    'https://aclanthology.org/events/acl-2023/',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/2023.acl-long.0/', // front matter: the volume's own entry
    'https://aclanthology.org/2023.acl-long.0.pdf',
    'https://aclanthology.org/P19-1000.pdf',
    'https://aclanthology.org/W19-4200/',
    'https://aclanthology.org/2023.acl-long.1.bib',
    'https://aclanthology.org/2023.acl-long.1.xml',
    'https://aclanthology.org/attachments/2023.acl-long.1.software.zip',
    'https://aclanthology.org/2023.acl-long.1e1.pdf', // an erratum, not the paper
    'https://aclanthology.org/2023.acl-long.1/extra',
    'https://dl.acm.org/doi/proceedings/10.1145/3580305', // a publisher's volume
    'https://link.springer.com/book/10.1007/978-3-031-19775-8',
    'https://aclanthology.org.evil.example/2023.acl-long.1/',
    'https://evil.example/aclanthology.org/2023.acl-long.1/',
    // PMLR, NeurIPS, CVF: volumes, indexes, supplements, BibTeX, reviews, author pages name no one paper page
    'https://proceedings.mlr.press/',
    'https://proceedings.mlr.press/v202/',
    'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a-supp.pdf',
    'https://proceedings.mlr.press/v202/exemplo23a-supp.zip',
    'https://proceedings.mlr.press/v202/assets/bib/bibliography.bib',
    'https://proceedings.mlr.press/faq.html',
    'https://jmlr.org/papers/v24/21-0001.html', // JMLR's journal papers are no PMLR paper
    `${NEURIPS}/2023`,
    `${NEURIPS}/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Supplemental-Conference.pdf`,
    `${NEURIPS}/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Bibtex-Conference.bib`,
    `${NEURIPS}/2021/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Reviews.html`,
    `${NEURIPS}/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf`, // a PDF name in the pages' folder
    `${NEURIPS}/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html`,
    'https://papers.nips.cc/paper/7181-attention-is-all-you-need', // a number no page gives
    'https://proceedings.neurips.cc/papers/search?q=diffusion',
    'https://neurips.cc/virtual/2023/poster/70001',
    `${CVF}/CVPR2024?day=all`,
    `${CVF}/CVPR2024_workshops/menu`,
    `${CVF}/content/CVPR2024/supplemental/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_supplemental.pdf`,
    `${CVF}/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf`,
    `${CVF}/CVPR2024?query_author=Okafor`,
    'https://proceedings.mlr.press.evil.example/v202/exemplo23a.html',
    'https://openaccess.thecvf.com.evil.example/content/CVPR2024/html/X_CVPR_2024_paper.html',
    'https://evil.example/proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html',
    'https://evil.example/redirect?to=https://aclanthology.org/2023.acl-long.1/',
    // A Scholar redirect to no paper, to another redirect, or without its target; Scholar's own pages
    'https://scholar.google.com/scholar_url?url=https://example.org/paper.pdf&hl=en',
    'https://scholar.google.com/scholar_url?url=https://scholar.google.com/scholar_url%3Furl%3Dhttps://arxiv.org/abs/2402.09876',
    'https://scholar.google.com/scholar_url?url=javascript:alert(1)//arxiv.org/abs/2402.09876',
    'https://scholar.google.com/scholar_url?hl=en',
    'https://scholar.google.com/scholar?q=https://arxiv.org/abs/2402.09876',
    'https://scholar.google.evil.example/scholar_url?url=https://arxiv.org/abs/2402.09876',
    'ftp://aclanthology.org/2023.acl-long.1.pdf',
    'https://arxiv.org.evil.example/abs/2402.09876',
    'https://evil.example/redirect?to=https://arxiv.org/abs/2402.09876',
    'ftp://arxiv.org/abs/2402.09876',
    'javascript:alert(1)',
    'not a url',
  ])('%s is not a paper link', (href) => {
    expect(identifyLink(href)).toBeNull();
  });
});

describe('LINK_PATTERNS', () => {
  it('are valid match patterns', () => {
    for (const pattern of LINK_PATTERNS) expect(() => matches(pattern, 'https://example.org/'), pattern).not.toThrow();
    expect(new Set(LINK_PATTERNS).size).toBe(LINK_PATTERNS.length);
  });

  it.each(PAPER_LINKS.map(([href]) => href))('show the menu on %s', (href) => {
    expect(matched(href)).toBe(true);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/recent',
    'https://evil.example/abs/2402.09876',
    'https://arxiv.org.evil.example/abs/2402.09876',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://huggingface.co/models',
    'https://www.doi.org.evil.example/10.1000/x',
    // ACL Anthology: its other pages
    'https://aclanthology.org/',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/events/acl-2023/',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/info/ids/',
    'https://aclanthology.org/venues/acl/',
    'https://aclanthology.org.evil.example/2023.acl-long.1/',
    'https://www.aclweb.org/portal/',
    'https://www.aclweb.org/anthology/',
    'https://neurips.cc/virtual/2023/poster/70001',
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://jmlr.org/papers/v24/21-0001.html',
    'https://dl.acm.org/toc/tkdd/2023/17/1',
    'https://link.springer.com/journal/10994',
    'https://www.nature.com/subjects/machine-learning',
    'https://evil.example/doi/10.1145/3580305.3599256',
    'https://scholar.google.com/scholar?q=attention',
    'https://scholar.google.com/citations?user=A5NhLJkAAAAJ',
  ])('do not show it on %s', (href) => {
    expect(matched(href)).toBe(false);
  });
});
