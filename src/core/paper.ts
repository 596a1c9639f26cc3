/** The one shape every site adapter produces and every layer stores (issue #3). Unknown fields are null. */
export interface Paper {
  /** Canonical id: `arxiv:<id without version>`, `doi:<lowercased DOI>`, else `<site>:<site id>`. */
  id: string;
  /** Whitespace-normalised; TeX left as written. */
  title: string;
  /** Names in page order; `[]` when the page lists none. */
  authors: string[];
  /** Set when the page gives only a count, or truncates the list ("et al."). */
  authorCount: number | null;
  abstract: string | null;
  /** YYYY-MM-DD, the first version's date where the page gives it. */
  published: string | null;
  upvotes: number | null;
  /** `owner/repo`, de-duplicated case-insensitively, structured data first. */
  githubRepos: string[];
  /** As shown by the page (e.g. Hugging Face `githubStars`). */
  githubStars: number | null;
  projectUrl: string | null;
  pdfUrl: string | null;
  /** The paper's page on the site it was found on. */
  url: string | null;
  venue: string | null;
  /** Site categories / keywords (arXiv categories, Hugging Face ai_keywords). */
  categories: string[];
  source: PaperSource;
}

export interface PaperSource {
  /** Adapter id, e.g. `huggingface`, `arxiv`. */
  site: string;
  /** Page kind, e.g. `daily`, `paper`, `search`, `list`, `abs`. */
  page: string;
}

/** A Paper with every optional field unknown; adapters spread their findings over it. */
export function emptyPaper(id: string, title: string, source: PaperSource): Paper {
  return {
    id,
    title,
    authors: [],
    authorCount: null,
    abstract: null,
    published: null,
    upvotes: null,
    githubRepos: [],
    githubStars: null,
    projectUrl: null,
    pdfUrl: null,
    url: null,
    venue: null,
    categories: [],
    source,
  };
}

/** Collapse runs of white space (arXiv line wraps, no-break spaces) into single spaces. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}
