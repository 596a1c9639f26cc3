import { describe, expect, it } from 'vitest';
import { PUBLISHER_LINK_PATTERNS, publisherDoi } from './publishers';

const PAPERS: Array<[string, string]> = [
  // ACM: the page, every view of it, the PDF (with its download flag)
  ['https://dl.acm.org/doi/10.1145/3580305.3599256', '10.1145/3580305.3599256'],
  ['https://dl.acm.org/doi/abs/10.1145/3580305.3599256', '10.1145/3580305.3599256'],
  ['https://dl.acm.org/doi/full/10.1145/3580305.3599256', '10.1145/3580305.3599256'],
  ['https://dl.acm.org/doi/fullHtml/10.1145/3580305.3599256', '10.1145/3580305.3599256'],
  ['https://dl.acm.org/doi/pdf/10.1145/3580305.3599256?download=true', '10.1145/3580305.3599256'],
  ['http://dl.acm.org/doi/epdf/10.1145/3580305.3599256#page=3', '10.1145/3580305.3599256'],
  ['https://dl.acm.org/doi/10.5555/3295222.3295349', '10.5555/3295222.3295349'], // not ACM's own prefix: the 2017 NeurIPS proceedings
  ['https://onlinelibrary.wiley.com/doi/full/10.1111/j.1467-9868.2005.00503.x', '10.1111/j.1467-9868.2005.00503.x'],
  ['https://www.tandfonline.com/doi/abs/10.1080/01621459.2017.1285773', '10.1080/01621459.2017.1285773'],
  ['https://www.science.org/doi/10.1126/science.aar6404', '10.1126/science.aar6404'],
  ['https://www.pnas.org/doi/pdf/10.1073/pnas.1903070116', '10.1073/pnas.1903070116'],
  ['https://epubs.siam.org/doi/10.1137/16M1080173', '10.1137/16m1080173'],
  ['https://pubsonline.informs.org/doi/10.1287/opre.2021.2130', '10.1287/opre.2021.2130'],
  // Springer: an article, a chapter (ECCV, LNCS), the PDF
  ['https://link.springer.com/article/10.1007/s10994-023-06345-1', '10.1007/s10994-023-06345-1'],
  ['https://link.springer.com/chapter/10.1007/978-3-031-19775-8_1', '10.1007/978-3-031-19775-8_1'],
  ['https://link.springer.com/content/pdf/10.1007/978-3-031-19775-8_1.pdf', '10.1007/978-3-031-19775-8_1'],
  // Nature: the DOI is 10.1038/ and the article's name
  ['https://www.nature.com/articles/s41586-023-06747-5', '10.1038/s41586-023-06747-5'],
  ['https://www.nature.com/articles/nature14539.pdf', '10.1038/nature14539'],
  ['https://www.nature.com/articles/s42256-019-0048-x', '10.1038/s42256-019-0048-x'],
  // bioRxiv and medRxiv: the version and the view after the DOI
  ['https://www.biorxiv.org/content/10.1101/2023.01.01.522345v2', '10.1101/2023.01.01.522345'],
  ['https://www.biorxiv.org/content/10.1101/2023.01.01.522345v1.full.pdf', '10.1101/2023.01.01.522345'],
  ['https://www.biorxiv.org/content/10.1101/2023.01.01.522345v1.full', '10.1101/2023.01.01.522345'],
  ['https://www.medrxiv.org/content/10.1101/2020.03.19.20039354v1.abstract', '10.1101/2020.03.19.20039354'],
  ['https://www.biorxiv.org/content/10.1101/123456v3', '10.1101/123456'], // before 2019's dated DOIs
  ['https://www.biorxiv.org/content/10.1101/2023.09.01.555333v1.full.pdf+html', '10.1101/2023.09.01.555333'], // the PDF in a frame
  // MIT Press: the DOI, then the article's number and title
  ['https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00577/116710/Lost-in-the-Middle', '10.1162/tacl_a_00577'],
  ['https://direct.mit.edu/tacl/article-pdf/doi/10.1162/tacl_a_00577/2143624/tacl_a_00577.pdf', '10.1162/tacl_a_00577'],
  ['https://direct.mit.edu/coli/article/doi/10.1162/coli_a_00502/118133', '10.1162/coli_a_00502'],
  // IOP: DOIs with a slash in the suffix, then a view
  ['https://iopscience.iop.org/article/10.1088/2632-2153/ac362b', '10.1088/2632-2153/ac362b'],
  ['https://iopscience.iop.org/article/10.1088/2632-2153/ac362b/pdf', '10.1088/2632-2153/ac362b'],
  ['https://iopscience.iop.org/article/10.1088/2632-2153/ac362b/', '10.1088/2632-2153/ac362b'], // the closing slash is no part of it
  ['https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012345/meta', '10.1088/1742-6596/1234/1/012345'],
  ['https://www.frontiersin.org/articles/10.3389/frai.2023.1023456/full', '10.3389/frai.2023.1023456'],
  ['https://www.frontiersin.org/journals/artificial-intelligence/articles/10.3389/frai.2023.1023456/pdf', '10.3389/frai.2023.1023456'],
  ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456', '10.1371/journal.pone.0123456'],
  ['https://journals.plos.org/ploscompbiol/article/file?id=10.1371/journal.pcbi.1009876&type=printable', '10.1371/journal.pcbi.1009876'],
  // IJCAI: the paper's number, padded in the PDF's name
  ['https://www.ijcai.org/proceedings/2019/0264.pdf', '10.24963/ijcai.2019/264'],
  ['https://www.ijcai.org/Proceedings/2019/0636.pdf', '10.24963/ijcai.2019/636'],
  ['https://ijcai.org/proceedings/2023/1', '10.24963/ijcai.2023/1'],
  ['https://www.ijcai.org/proceedings/2017/0010.pdf', '10.24963/ijcai.2017/10'],
];

const NOT_PAPERS = [
  'https://dl.acm.org/doi/proceedings/10.1145/3580305', // a volume
  'https://dl.acm.org/doi/book/10.1145/3580305',
  'https://dl.acm.org/doi/10.1145/3580305.3599256/suppl_file/rtfp0123.mp4', // a supplement
  'https://dl.acm.org/toc/tkdd/2023/17/1',
  'https://dl.acm.org/action/doSearch?AllField=10.1145%2F3580305.3599256',
  'https://dl.acm.org/doi/',
  'https://dl.acm.org/doi/10.1145/abc.', // trailing punctuation is not part of an address's DOI
  'https://dl.acm.org/doi/10.1145/%E0%A4%A', // malformed escape
  `https://dl.acm.org/doi/10.1145/${'x'.repeat(260)}`,
  'https://link.springer.com/book/10.1007/978-3-031-19775-8', // an LNCS volume
  'https://link.springer.com/journal/10994',
  'https://link.springer.com/search?query=10.1007%2Fs10994-023-06345-1',
  'https://www.nature.com/nature/volumes/521/issues/7553',
  'https://www.nature.com/articles/', 
  'https://www.nature.com/subjects/machine-learning',
  'https://www.biorxiv.org/content/10.1101/2023.01.01.522345v1.supplementary-material',
  'https://www.biorxiv.org/collection/bioinformatics',
  'https://direct.mit.edu/tacl/issue/volume/11',
  'https://direct.mit.edu/neco/article/35/1/1/113806/A-Title', // no DOI in this form of the address
  'https://iopscience.iop.org/journal/2632-2153',
  'https://journals.plos.org/plosone/article/figure?id=10.1371/journal.pone.0123456.g001',
  'https://journals.plos.org/plosone/search?q=10.1371',
  'https://www.ijcai.org/proceedings/2019/', // the volume
  'https://www.ijcai.org/proceedings/2016/0010.pdf', // before IJCAI's DOIs
  'https://www.ijcai.org/proceedings/2019/0000.pdf',
  'https://www.ijcai.org/proceedings/2019/0264.pdf/extra',
  // other sites, and these addresses elsewhere
  'https://dl.acm.org.evil.example/doi/10.1145/3580305.3599256',
  'https://evil.example/doi/10.1145/3580305.3599256',
  'https://evil.example/redirect?to=https://dl.acm.org/doi/10.1145/3580305.3599256',
  'ftp://dl.acm.org/doi/10.1145/3580305.3599256',
  'https://doi.org/10.1145/3580305.3599256', // doi.org is its own kind of link (targets.ts)
  'not a url',
];

/** Match-pattern semantics as browsers apply them to a link (path with query, case-sensitive). */
function matches(pattern: string, href: string): boolean {
  const [, host, path] = /^\*:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const url = new URL(href);
  const glob = new RegExp(`^${path!.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return /^https?:$/.test(url.protocol) && url.hostname === host && glob.test(url.pathname + url.search);
}

describe('publisherDoi', () => {
  it.each(PAPERS)('%s', (href, doi) => {
    expect(publisherDoi(href)).toBe(doi);
  });

  it.each(NOT_PAPERS)('%s names no paper', (href) => {
    expect(publisherDoi(href)).toBeNull();
  });
});

describe('PUBLISHER_LINK_PATTERNS', () => {
  it.each(PAPERS.map(([href]) => href))('show the link menu on %s', (href) => {
    expect(PUBLISHER_LINK_PATTERNS.some((p) => matches(p, href))).toBe(true);
  });

  it('are distinct, and on no other site', () => {
    expect(new Set(PUBLISHER_LINK_PATTERNS).size).toBe(PUBLISHER_LINK_PATTERNS.length);
    for (const href of NOT_PAPERS.filter((h) => /evil|doi\.org/.test(h))) {
      expect(PUBLISHER_LINK_PATTERNS.some((p) => URL.canParse(href) && matches(p, href)), href).toBe(false);
    }
  });
});
