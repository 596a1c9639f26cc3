import { emptyPaper, type Paper } from '../../src/core/paper';

/** A realistic paper for tests; override any field. */
export function makePaper(overrides: Partial<Paper> = {}): Paper {
  const id = overrides.id ?? 'arxiv:2607.01234';
  return {
    ...emptyPaper(id, 'Scaling Sparse Mixture-of-Experts for Long-Context Reasoning', { site: 'huggingface', page: 'daily' }),
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: 'We study sparse MoE models. Code: https://github.com/example/sparse-moe.',
    published: '2026-07-01',
    upvotes: 42,
    githubRepos: ['example/sparse-moe'],
    githubStars: 1234,
    pdfUrl: `https://arxiv.org/pdf/${id.slice(6)}`,
    url: `https://huggingface.co/papers/${id.slice(6)}`,
    ...overrides,
  };
}
