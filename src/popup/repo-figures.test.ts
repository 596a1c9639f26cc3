import { expect, it } from 'vitest';
import { makeSaved } from './fake-api';
import { shownStars } from './repo-figures';

const figures = (stars: number | null, fetchedAt: number, notFound = false) => ({ stars, archived: false, notFound, fetchedAt });

it("shows GitHub's answer where it is newer than the save, or the save kept no count, and the saved count otherwise", () => {
  const paper = (stars: number | null, repos = ['Lab/Model']) => makeSaved('arxiv:2607.00001', 'Paper', 1000, {}, { githubRepos: repos, githubStars: stars });
  const cache = (entry: ReturnType<typeof figures>) => new Map([['lab/model', entry]]);
  expect(shownStars(paper(5), cache(figures(50, 2000)))).toEqual({ stars: 50, github: figures(50, 2000) });
  expect(shownStars(paper(5), cache(figures(50, 999)))).toEqual({ stars: 5, github: null });
  expect(shownStars(paper(null), cache(figures(50, 999)))).toEqual({ stars: 50, github: figures(50, 999) });
  // Gone since: no count, and GitHub's word for it.
  expect(shownStars(paper(5), cache(figures(null, 2000, true)))).toEqual({ stars: null, github: figures(null, 2000, true) });
  expect(shownStars(paper(5), new Map())).toEqual({ stars: 5, github: null });
  // A name that is no repository is never looked up.
  expect(shownStars(paper(5, ['not a repo']), new Map([['not a repo', figures(50, 2000)]]))).toEqual({ stars: 5, github: null });
});
