// Publishers' pages whose address carries the paper's DOI, or one that follows from it: an ACM, Springer, Nature, MIT
// Press, IOP, bioRxiv article (its page or its PDF), an IJCAI paper. With the DOI, such a page's paper is saved as a
// link to doi.org would save it (the DOI's metadata), and a Google Scholar result linking there is that paper.
// Each publisher's own address scheme, strictly: a volume, a table of contents, a supplement or a figure is no paper.
import { MAX_DOI, parseDoi, webUrl } from './ids';

interface Publisher {
  name: string;
  hosts: string[];
  /** Match-pattern paths (path and query) of its papers' addresses, for the link menu; `doi` decides. */
  paths: string[];
  /** The DOI the address (path decoded, and query) names, as written there; null when it names no paper. */
  doi(path: string, query: URLSearchParams): string | null;
}

const DOI = String.raw`10\.\d{4,9}\/`;
/** One path segment of a DOI's suffix: the publishers below whose DOIs have none with a `/`. */
const SUFFIX = String.raw`[^/]+`;

function matching(re: RegExp): Publisher['doi'] {
  return (path) => re.exec(path)?.[1] ?? null;
}

/** Atypon's sites: `/doi/<DOI>`, or a view of it first (`/doi/pdf/<DOI>`); not `/doi/proceedings/…`, `/doi/book/…`. */
const atypon = (name: string, hosts: string[]): Publisher => ({
  name,
  hosts,
  paths: ['/doi/*'],
  doi: matching(new RegExp(String.raw`^\/doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|fullHtml|reader)\/)?(${DOI}${SUFFIX})$`, 'i')),
});

/** IJCAI's DOIs (from 2017): `/proceedings/2019/0264.pdf` and its page `/proceedings/2019/264` are 10.24963/ijcai.2019/264. */
function ijcaiDoi(path: string): string | null {
  const m = /^\/proceedings\/(\d{4})\/0*([1-9]\d{0,3})(?:\.pdf)?\/?$/i.exec(path);
  return m && Number(m[1]) >= 2017 ? `10.24963/ijcai.${m[1]}/${m[2]}` : null;
}

const PUBLISHERS: Publisher[] = [
  atypon('ACM Digital Library', ['dl.acm.org']),
  atypon('Wiley', ['onlinelibrary.wiley.com']),
  atypon('Taylor & Francis', ['www.tandfonline.com']),
  atypon('Science', ['www.science.org']),
  atypon('PNAS', ['www.pnas.org']),
  atypon('SIAM', ['epubs.siam.org']),
  atypon('INFORMS', ['pubsonline.informs.org']),
  {
    name: 'Springer',
    hosts: ['link.springer.com'],
    paths: ['/article/*', '/chapter/*', '/content/pdf/*'],
    doi: matching(new RegExp(String.raw`^\/(?:article|chapter|content\/pdf)\/(${DOI}${SUFFIX}?)(?:\.pdf)?$`, 'i')),
  },
  {
    // Nature's DOIs are 10.1038/ and the article's name: /articles/s41586-023-06747-5, /articles/nature14539.pdf.
    name: 'Nature',
    hosts: ['www.nature.com'],
    paths: ['/articles/*'],
    doi: (path) => {
      const name = /^\/articles\/([a-z][a-z0-9-]*\d[a-z0-9-]*?)(?:\.pdf)?$/i.exec(path)?.[1];
      return name ? `10.1038/${name}` : null;
    },
  },
  {
    // The version after the DOI (`v2`), then a view: `.full`, `.full.pdf`, `.full.pdf+html` (the PDF in a frame),
    // `.abstract`; not a supplement.
    name: 'bioRxiv',
    hosts: ['www.biorxiv.org', 'biorxiv.org', 'www.medrxiv.org', 'medrxiv.org'],
    paths: ['/content/10.1101/*'],
    doi: matching(/^\/content\/(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+)(?:v\d+)?(?:\.full(?:\.pdf(?:\+html)?|-text)?|\.abstract)?$/i),
  },
  {
    // TACL, Computational Linguistics, Neural Computation: `/tacl/article/doi/10.1162/tacl_a_00577/116710/<title>`.
    name: 'MIT Press',
    hosts: ['direct.mit.edu'],
    paths: ['/*/doi/10.1162/*'],
    doi: matching(new RegExp(String.raw`^\/[a-z]+\/article(?:-pdf|-abstract)?\/doi\/(10\.1162\/${SUFFIX})(?:\/|$)`, 'i')),
  },
  {
    // Machine Learning: Science and Technology and the other IOP journals: the whole rest is the DOI, then a view.
    name: 'IOP',
    hosts: ['iopscience.iop.org'],
    paths: ['/article/10.*'],
    doi: matching(new RegExp(String.raw`^\/article\/(${DOI}.+?)(?:\/(?:pdf|meta|ampdf))?\/?$`, 'i')),
  },
  {
    name: 'Frontiers',
    hosts: ['www.frontiersin.org'],
    paths: ['/articles/10.3389/*', '/journals/*'],
    doi: matching(/^(?:\/journals\/[a-z-]+)?\/articles\/(10\.3389\/[^/]+)(?:\/(?:full|abstract|pdf))?$/i),
  },
  {
    // `/plosone/article?id=10.1371/journal.pone.0123456`, its PDF `/plosone/article/file?id=…&type=printable`.
    name: 'PLOS',
    hosts: ['journals.plos.org'],
    paths: ['/*/article?id=10.1371/*', '/*/article/file?id=10.1371/*'],
    doi: (path, query) => (/^\/[a-z]+\/article(?:\/file)?$/i.test(path) ? query.get('id') : null),
  },
  {
    name: 'IJCAI',
    hosts: ['www.ijcai.org', 'ijcai.org'],
    paths: ['/proceedings/*', '/Proceedings/*'],
    doi: ijcaiDoi,
  },
];

/** Match patterns of the publishers' paper addresses (http and https), for the link menu. */
export const PUBLISHER_LINK_PATTERNS: string[] = PUBLISHERS.flatMap((p) => p.hosts.flatMap((host) => p.paths.map((path) => `*://${host}${path}`)));

/**
 * The DOI (lowercased) of the paper a publisher's address shows (its page or its PDF, in any view), or null: another
 * site, or an address of that publisher that is no one paper's (an issue, a volume, a supplement, a search).
 */
export function publisherDoi(href: string): string | null {
  const url = webUrl(href);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const publisher = PUBLISHERS.find((p) => p.hosts.includes(host));
  if (!publisher) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const written = publisher.doi(path, url.searchParams);
  // The DOI must be all of what was read: one parseDoi would cut short (trailing punctuation, a SICI `<…>`) is another's.
  const doi = written ? parseDoi(written) : null;
  return doi && doi === written!.toLowerCase() && doi.length <= MAX_DOI ? doi : null;
}
