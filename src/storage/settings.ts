// Small user settings, kept in extension storage (never visible to pages): the optional GitHub token, watched
// topics, followed authors, tag rules, the toolbar count. Types and defaults here; reading and writing in ./settings-store.ts.
export interface Settings {
  /** Personal access token; sent to api.github.com only. */
  githubToken: string;
  /** Topic labels whose cards stand out. */
  watchedTopics: string[];
  /** Authors whose papers stand out, as the reader wrote them (core/authors.ts says who a name finds). */
  followedAuthors: string[];
  /** User tag rules, as edited on the options page (see src/core/tags/rules.ts). */
  tagRules: { tag: string; match: string; fields: 'title' | 'abstract' | 'both' }[];
  /** Show the number of papers still to read on the toolbar button. */
  toolbarCount: boolean;
  /** Relevance marks on listing pages, from a model of the saved papers kept on this machine (issue #8). */
  relevance: { enabled: boolean };
}

export const DEFAULT_SETTINGS: Settings = { githubToken: '', watchedTopics: [], followedAuthors: [], tagRules: [], toolbarCount: true, relevance: { enabled: true } };
