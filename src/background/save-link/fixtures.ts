// Hand-written payloads in the documented shapes of the arXiv API (Atom), Hugging Face's paper API,
// OpenReview's API v2 and v1, and Crossref's CSL-JSON (content negotiation). Ids and people are made up.

export const ARXIV_ID = '2402.09876';

/** An arXiv API feed around the given entries, namespaces declared per element as arXiv long did. */
export function arxivFeed(entries: string, idList = ARXIV_ID, total = 1): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D${idList}%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=${idList}&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/Qk3v0cS1yGq0hP2dWw2mXz7bF5E</id>
  <updated>2026-07-01T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${total}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:itemsPerPage>
${entries}
</feed>
`;
}

/** One paper: three authors (one with an affiliation), TeX, entities, a DOI, a journal ref, GitHub URLs. */
export function arxivEntry(id = ARXIV_ID, version = 2): string {
  return `  <entry>
    <id>http://arxiv.org/abs/${id}v${version}</id>
    <updated>2024-03-05T17:12:40Z</updated>
    <published>2024-02-15T18:03:11Z</published>
    <title>Sparse Mixture-of-Experts at $\\mathcal{O}(\\log n)$ Cost: Routing
  Without Regret</title>
    <summary>  We study routing in sparse mixture-of-experts (MoE) models and show that
a simple rule achieves $\\mathcal{O}(\\log n)$ regret when $k &lt; n$ &amp; experts
are balanced. Benchmarks: https://github.com/example-lab/moe-bench.
</summary>
    <author>
      <name>Ada Lovelace</name>
      <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Analytical Engines Ltd</arxiv:affiliation>
    </author>
    <author>
      <name>&#201;mile Borel</name>
    </author>
    <author>
      <name>Grace M.  Hopper</name>
    </author>
    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1145/3650000.3650123</arxiv:doi>
    <link title="doi" href="http://dx.doi.org/10.1145/3650000.3650123" rel="related"/>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages, 4 figures; accepted at ICML 2024. Code:
  https://github.com/Example-Lab/moe-routing and https://github.com/example-lab/MoE-Bench</arxiv:comment>
    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Proceedings of ICML 2024, PMLR 235:1234&#x2013;1250</arxiv:journal_ref>
    <link href="http://arxiv.org/abs/${id}v${version}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v${version}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

/** What arXiv answers for a malformed id: HTTP 200, one entry titled "Error". */
export function arxivErrorEntry(bad: string): string {
  return `  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${bad}</id>
    <title>Error</title>
    <summary>incorrect id format for ${bad}</summary>
    <updated>2026-07-01T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_${bad}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`;
}

/** The newer layout: namespaces declared once on the root (here under other prefixes), https ids, CDATA. */
export const MODERN_FEED = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ax="http://arxiv.org/schemas/atom" xmlns:os="http://a9.com/-/spec/opensearch/1.1/">
  <id>https://arxiv.org/api/8jGq9Yv3c2Lw</id>
  <title>arXiv Query: search_query=&amp;id_list=hep-th/9901001&amp;start=0&amp;max_results=10</title>
  <updated>2026-07-01T08:00:00Z</updated>
  <link href="https://arxiv.org/api/query?start=0&amp;max_results=10&amp;id_list=hep-th/9901001" type="application/atom+xml"/>
  <os:itemsPerPage>10</os:itemsPerPage>
  <os:totalResults>1</os:totalResults>
  <os:startIndex>0</os:startIndex>
  <!-- a comment -->
  <entry>
    <id>https://arxiv.org/abs/hep-th/9901001v3</id>
    <title><![CDATA[Strings & <Branes>]]> on $AdS_5 \\times S^5$</title>
    <updated>1999-02-03T10:00:00Z</updated>
    <link href="https://arxiv.org/abs/hep-th/9901001v3" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/hep-th/9901001v3" rel="related" type="application/pdf" title="pdf"/>
    <summary>We compute  things.</summary>
    <category term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
    <category term="gr-qc" scheme="http://arxiv.org/schemas/atom"/>
    <published>1999-01-04T00:00:01Z</published>
    <ax:primary_category term="hep-th"/>
    <author><name>J. Doe</name></author>
  </entry>
</feed>`;

/** Hugging Face `/api/papers/<id>` for a known paper (trimmed; optional fields absent, not null). */
export function hfPaper(overrides: Record<string, unknown> = {}) {
  return {
    id: ARXIV_ID,
    authors: [
      { _id: '65cd0f0a1b2c3d4e5f607182', name: 'Ada Lovelace', hidden: false, user: { _id: '63f1', user: 'ada', fullname: 'Ada Lovelace' } },
      { _id: '65cd0f0a1b2c3d4e5f607183', name: 'Émile Borel', hidden: false },
      { _id: '65cd0f0a1b2c3d4e5f607184', name: 'Grace M. Hopper', hidden: true },
    ],
    mediaUrls: ['https://cdn-uploads.huggingface.co/production/uploads/63f1/fig1.png'],
    publishedAt: '2024-02-15T18:03:11.000Z',
    submittedOnDailyAt: '2024-02-16T04:12:00.000Z',
    title: 'Sparse Mixture-of-Experts at $\\mathcal{O}(\\log n)$ Cost:\n  Routing Without Regret',
    summary: 'We study routing in sparse mixture-of-experts (MoE) models.\nBenchmarks: https://github.com/example-lab/moe-bench',
    upvotes: 42,
    discussionId: '65cf0a9e8d7c6b5a49382716',
    githubRepo: 'https://github.com/Example-Lab/moe-routing',
    githubStars: 318,
    projectPage: 'https://example-lab.github.io/moe-routing/',
    ai_summary: 'A routing rule for sparse MoE with logarithmic regret.',
    ai_keywords: ['sparse mixture-of-experts', 'routing', '', 'regret bounds'],
    organization: { _id: '6400', name: 'example-lab', fullname: 'Example Lab' },
    linkedModels: [],
    linkedDatasets: [],
    linkedSpaces: [],
    numComments: 3,
    ...overrides,
  };
}

export const FORUM_ID = 'Hk7x9QbRZa';

/** OpenReview API v2 `/notes?forum=<id>`: a review first, then the submission (id === forum). */
export function openreviewV2(content: Record<string, unknown> = {}) {
  return {
    notes: [
      {
        id: 'rv1AbCdEfG',
        forum: FORUM_ID,
        replyto: FORUM_ID,
        invitations: ['ICLR.cc/2024/Conference/Submission1234/-/Official_Review'],
        content: { title: { value: 'Official Review of Submission1234 by Reviewer x9Yz' }, rating: { value: '8: accept, good paper' } },
        cdate: 1698000000000,
      },
      {
        id: FORUM_ID,
        forum: FORUM_ID,
        number: 1234,
        invitations: ['ICLR.cc/2024/Conference/-/Submission', 'ICLR.cc/2024/Conference/-/Post_Submission'],
        domain: 'ICLR.cc/2024/Conference',
        content: {
          title: { value: 'Learning to Route  Tokens' },
          authors: { value: ['Ada Lovelace', 'Alan Turing'] },
          authorids: { value: ['~Ada_Lovelace1', '~Alan_Turing1'] },
          keywords: { value: ['mixture of experts', 'routing'] },
          TLDR: { value: 'Route tokens better.' },
          abstract: { value: 'We propose a router.\n\nCode: https://github.com/turing-lab/route' },
          pdf: { value: '/pdf/3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7d8e9f0a1.pdf' },
          venue: { value: 'ICLR 2024 oral' },
          venueid: { value: 'ICLR.cc/2024/Conference' },
          _bibtex: { value: '@inproceedings{\nlovelace2024learning,\ntitle={Learning to Route Tokens},\n}' },
          ...content,
        },
        cdate: 1695327355842,
        pdate: 1705405519000,
        mdate: 1710000000000,
        signatures: ['ICLR.cc/2024/Conference/Submission1234/Authors'],
        readers: ['everyone'],
      },
    ],
    count: 2,
  };
}

/** OpenReview API v1: plain content values, no pdate. */
export function openreviewV1(id = FORUM_ID) {
  return {
    notes: [
      {
        id,
        original: null,
        number: 1,
        cdate: 1569439370434,
        tcdate: 1569439370434,
        forum: id,
        replyto: null,
        invitation: 'ICLR.cc/2020/Conference/-/Blind_Submission',
        content: {
          title: 'An Older   Paper',
          authors: ['Alan Turing', 'Ada Lovelace'],
          authorids: ['alan@example.org', 'ada@example.org'],
          keywords: 'graphs, message passing ,',
          'TL;DR': 'Short.',
          abstract: 'Abstract of the older paper.',
          pdf: '/pdf/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.pdf',
          code: 'https://github.com/turing-lab/older',
          paperhash: 'turing|an_older_paper',
          _bibtex: '@inproceedings{turing2020an}',
        },
      },
    ],
    count: 1,
  };
}

export const DOI = '10.1145/3650000.3650123';

/** Crossref's CSL-JSON (`Accept: application/vnd.citationstyles.csl+json`), trimmed; JATS abstract. */
export function crossrefCsl(overrides: Record<string, unknown> = {}) {
  return {
    indexed: { 'date-parts': [[2026, 6, 30]], 'date-time': '2026-06-30T05:12:44Z', timestamp: 1782796364000 },
    'reference-count': 45,
    publisher: 'Association for Computing Machinery (ACM)',
    abstract:
      '<jats:title>Abstract</jats:title><jats:p>We present <jats:italic>FastRoute</jats:italic>, a router with ' +
      'O(log <jats:italic>n</jats:italic>) cost&#x2014;and show that H<jats:sub>2</jats:sub> holds when ' +
      '<jats:italic>k</jats:italic> &lt; <jats:italic>n</jats:italic>.</jats:p><jats:p>Code: ' +
      '<jats:ext-link xmlns:xlink="http://www.w3.org/1999/xlink" ext-link-type="uri" xlink:href="https://github.com/example-lab/fastroute">' +
      'https://github.com/example-lab/fastroute</jats:ext-link>.</jats:p>',
    DOI: '10.1145/3650000.3650123',
    type: 'paper-conference',
    page: '1234-1250',
    source: 'Crossref',
    'is-referenced-by-count': 7,
    title: 'FastRoute: Routing Without Regret',
    prefix: '10.1145',
    author: [
      { given: 'Ada', family: 'Lovelace', sequence: 'first', affiliation: [{ name: 'Analytical Engines Ltd' }] },
      { given: 'Grace M.', family: 'Hopper', sequence: 'additional', affiliation: [] },
      { literal: 'The MoE Consortium', sequence: 'additional', affiliation: [] },
    ],
    member: '320',
    'container-title': 'Proceedings of the 41st International Conference on Machine Learning',
    'original-title': [],
    issued: { 'date-parts': [[2024, 7, 21]] },
    'references-count': 45,
    URL: 'https://doi.org/10.1145/3650000.3650123',
    published: { 'date-parts': [[2024, 7, 21]] },
    ...overrides,
  };
}

export const ACL_DOI = '10.18653/v1/2023.acl-long.1';

/**
 * doi.org's CSL-JSON for an ACL paper (Crossref is the ACL's registration agency), in crossrefCsl's shape with what
 * ACL records have and lack: the DOI as URL, the year alone, no abstract, the anthology PDF as a `link`. The paper is
 * test/fixtures/aclanthology/paper-2023.acl-long.1.html's.
 */
export function aclCsl(overrides: Record<string, unknown> = {}) {
  return {
    indexed: { 'date-parts': [[2026, 5, 14]], 'date-time': '2026-05-14T02:31:09Z', timestamp: 1778725869000 },
    'reference-count': 0,
    publisher: 'Association for Computational Linguistics',
    'content-domain': { domain: [], 'crossmark-restriction': false },
    DOI: ACL_DOI,
    type: 'paper-conference',
    created: { 'date-parts': [[2023, 8, 4]], 'date-time': '2023-08-04T21:02:17Z', timestamp: 1691182937000 },
    page: '1-17',
    source: 'Crossref',
    'is-referenced-by-count': 3,
    title: 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs',
    prefix: '10.18653',
    author: [
      { given: 'Ana', family: 'Exemplo', sequence: 'first', affiliation: [] },
      { given: 'Bo', family: 'Muster', sequence: 'additional', affiliation: [] },
      { given: 'Chidi', family: 'Placeholder', sequence: 'additional', affiliation: [] },
    ],
    member: '1643',
    event: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
    'container-title': 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
    'original-title': [],
    link: [
      {
        URL: 'https://aclanthology.org/2023.acl-long.1.pdf',
        'content-type': 'unspecified',
        'content-version': 'vor',
        'intended-application': 'similarity-checking',
      },
    ],
    deposited: { 'date-parts': [[2023, 8, 4]], 'date-time': '2023-08-04T21:02:18Z', timestamp: 1691182938000 },
    score: 1,
    resource: { primary: { URL: 'https://aclanthology.org/2023.acl-long.1' } },
    issued: { 'date-parts': [[2023]] },
    'references-count': 0,
    URL: `https://doi.org/${ACL_DOI}`,
    published: { 'date-parts': [[2023]] },
    ...overrides,
  };
}
