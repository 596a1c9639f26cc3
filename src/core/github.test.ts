import { describe, expect, it } from 'vitest';
import { githubReposFromText, mergeRepos, normalizeGithubRepo, RESERVED_OWNERS } from './github';

describe('normalizeGithubRepo', () => {
  it.each([
    // Schemes, www and host case.
    ['https://github.com/OpenGVLab/InternVL', 'OpenGVLab/InternVL'],
    ['http://github.com/foo/bar', 'foo/bar'],
    ['github.com/foo/bar', 'foo/bar'],
    ['www.github.com/foo/bar', 'foo/bar'],
    ['https://www.github.com/foo/bar', 'foo/bar'],
    ['HTTPS://GitHub.com/Foo/Bar', 'Foo/Bar'],
    ['//github.com/foo/bar', 'foo/bar'],
    ['  https://github.com/foo/bar  ', 'foo/bar'],
    // Clone forms.
    ['https://github.com/foo/bar.git', 'foo/bar'],
    ['https://github.com/foo/bar.GIT', 'foo/bar'],
    ['https://github.com/foo/bar.git/', 'foo/bar'],
    ['git@github.com:foo/bar.git', 'foo/bar'],
    // Sub-paths, queries, fragments.
    ['https://github.com/foo/bar/', 'foo/bar'],
    ['https://github.com/foo/bar/tree/main/x', 'foo/bar'],
    ['https://github.com/foo/bar/blob/main/README.md#usage', 'foo/bar'],
    ['https://github.com/foo/bar/issues', 'foo/bar'],
    ['https://github.com/foo/bar/issues/12', 'foo/bar'],
    ['https://github.com/foo/bar/releases/tag/v1.0', 'foo/bar'],
    ['https://github.com/foo/bar?tab=readme-ov-file', 'foo/bar'],
    ['https://github.com/foo/bar#readme', 'foo/bar'],
    // Name characters: dots, underscores, hyphens, a leading dot.
    ['https://github.com/ggml-org/llama.cpp', 'ggml-org/llama.cpp'],
    ['https://github.com/huggingface/pytorch-image-models', 'huggingface/pytorch-image-models'],
    ['https://github.com/foo/my_repo', 'foo/my_repo'],
    ['https://github.com/foo/.github', 'foo/.github'],
    ['https://github.com/foo/foo.github.io', 'foo/foo.github.io'],
    ['https://github.com/a1-b2-c3/x', 'a1-b2-c3/x'],
    [`https://github.com/${'a'.repeat(39)}/x`, `${'a'.repeat(39)}/x`],
    // Prose and LaTeX wrappers around a copied URL.
    ['https://github.com/foo/repo.', 'foo/repo'],
    ['https://github.com/foo/repo...', 'foo/repo'],
    ['https://github.com/foo/repo.git.', 'foo/repo'],
    ['\\url{https://github.com/foo/bar}', 'foo/bar'],
    ['url{https://github.com/foo/bar}', 'foo/bar'],
    ['\\url{ https://github.com/foo/bar}', 'foo/bar'],
    ['\\href{https://github.com/foo/bar}{code}', 'foo/bar'],
    ['<https://github.com/foo/bar>', 'foo/bar'],
    ['(https://github.com/foo/bar)', 'foo/bar'],
    ['"https://github.com/foo/bar"', 'foo/bar'],
    ['https://github.com/foo/my\\_repo', 'foo/my_repo'],
    // raw.githubusercontent.com names exactly one repository.
    ['https://raw.githubusercontent.com/foo/bar/main/data.json', 'foo/bar'],
  ])('%s -> %s', (url, repo) => {
    expect(normalizeGithubRepo(url)).toBe(repo);
  });

  it.each([
    ['project pages', 'https://foo.github.io/bar'],
    ['user pages', 'https://foo.github.io'],
    ['gists', 'https://gist.github.com/foo/0123456789abcdef'],
    ['gists without scheme', 'gist.github.com/foo/0123456789abcdef'],
    ['the API host', 'https://api.github.com/repos/foo/bar'],
    ['look-alike hosts', 'https://notgithub.com/foo/bar'],
    ['a host merely starting with github.com', 'https://github.com.evil.example/foo/bar'],
    ['GitHub Enterprise hosts', 'https://github.example.com/foo/bar'],
    ['an owner alone', 'https://github.com/foo'],
    ['an owner with a trailing slash', 'https://github.com/foo/'],
    ['an owner with a query', 'https://github.com/foo?tab=repositories'],
    ['the GitHub home page', 'https://github.com/'],
    ['repo "."', 'https://github.com/foo/.'],
    ['repo ".."', 'https://github.com/foo/..'],
    ['repo ".git" alone', 'https://github.com/foo/.git'],
    ['an owner with an underscore', 'https://github.com/foo_bar/baz'],
    ['an owner with a double hyphen', 'https://github.com/foo--bar/baz'],
    ['an owner with a leading hyphen', 'https://github.com/-foo/baz'],
    ['an owner with a trailing hyphen', 'https://github.com/foo-/baz'],
    ['an owner longer than 39 characters', `https://github.com/${'a'.repeat(40)}/x`],
    ['org pages', 'https://github.com/orgs/OpenGVLab/repositories'],
    ['sponsor pages', 'https://github.com/sponsors/foo'],
    ['topic pages', 'https://github.com/topics/llm'],
    ['marketplace pages', 'https://github.com/marketplace/actions/checkout'],
    ['reserved owners in any case', 'https://github.com/Features/Copilot'],
    ['uploaded attachments', 'https://github.com/user-attachments/assets/0f1e2d3c'],
    ['security advisories', 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q'],
    ['enterprise accounts', 'https://github.com/enterprises/octo-enterprise'],
    ['MCP registry pages', 'https://github.com/mcp/microsoft/playwright-mcp'],
    ['old downloads', 'https://github.com/downloads/mozilla/pdf.js/pdf.js-0.1.zip'],
    ['a bare owner/repo (not a URL)', 'foo/bar'],
    ['other sites', 'https://gitlab.com/foo/bar'],
    ['text before the URL', 'code at https://github.com/foo/bar'],
    ['the empty string', ''],
  ])('rejects %s', (_why, url) => {
    expect(normalizeGithubRepo(url)).toBeNull();
  });

  it.each(RESERVED_OWNERS.map((owner) => [owner]))('rejects GitHub path /%s/... as an owner', (owner) => {
    expect(normalizeGithubRepo(`https://github.com/${owner}/something`)).toBeNull();
  });

  it('keeps the spec list of reserved owners', () => {
    expect(RESERVED_OWNERS).toEqual(
      expect.arrayContaining([
        'orgs', 'features', 'sponsors', 'topics', 'marketplace', 'about', 'pricing', 'login', 'join',
        'settings', 'explore', 'collections', 'trending', 'enterprise', 'site', 'security',
        'customer-stories', 'readme', 'apps', 'notifications', 'search', 'pulls', 'issues', 'codespaces',
        'new', 'organizations', 'users', 'contact', 'team', 'events', 'resources', 'solutions', 'home',
        'dashboard',
      ]),
    );
  });
});

describe('githubReposFromText', () => {
  it.each([
    // Realistic abstract endings (arXiv / Hugging Face).
    ['Code is available at \\url{https://github.com/OpenGVLab/InternVL}.', ['OpenGVLab/InternVL']],
    ['Our code: https://github.com/foo/bar{https://github.com/foo/bar}}.', ['foo/bar']],
    ['Code: https://github.com/foo/bar{foo/bar}.', ['foo/bar']],
    ['Code: https://github.com/foo/bar{github.com/foo/bar}.', ['foo/bar']],
    ['project page https://foo.github.io/bar and code at github.com/foo/bar-baz.git', ['foo/bar-baz']],
    ['Models and code are released at url{https://github.com/foo/bar}.', ['foo/bar']],
    ['Code: \\url{ https://github.com/foo/bar}', ['foo/bar']],
    ['see github.com/o/repo.', ['o/repo']],
    ['(code: https://github.com/foo/bar)', ['foo/bar']],
    ['[code: https://github.com/foo/bar]', ['foo/bar']],
    ['Is it at https://github.com/foo/bar? Yes!', ['foo/bar']],
    ['Try it: https://github.com/foo/bar!', ['foo/bar']],
    ['Code at https://github.com/foo/bar; data at https://github.com/foo/data: both MIT.', ['foo/bar', 'foo/data']],
    ['Code at "https://github.com/foo/bar", data elsewhere.', ['foo/bar']],
    ["Code at 'https://github.com/foo/bar'.", ['foo/bar']],
    ['Code at <https://github.com/foo/bar>.', ['foo/bar']],
    ['See [our repo](https://github.com/foo/bar).', ['foo/bar']],
    ['Code: http://github.com/foo/bar.', ['foo/bar']],
    ['Code is at https://github.com/foo/bar/tree/main/experiments.', ['foo/bar']],
    ['Code is at https://github.com/foo/bar?tab=readme-ov-file#install.', ['foo/bar']],
    ['Built on llama.cpp (github.com/ggml-org/llama.cpp).', ['ggml-org/llama.cpp']],
    ['Code: https://github.com/foo/my\\_repo.', ['foo/my_repo']],
    // LaTeX gluing the URL to the next word.
    ['available at \\url{https://github.com/foo/bar}}, and the data at ...', ['foo/bar']],
    ['https://github.com/foo/bar}and more', ['foo/bar']],
    ['https://github.com/foo/barhttps://github.com/foo/bar', ['foo/bar']],
    ['https://github.com/foo/barhttps://github.com/baz/qux', ['foo/bar', 'baz/qux']],
    ['https://github.com/foo/http-client is kept whole', ['foo/http-client']],
    // Several repositories: order of appearance, case-insensitive de-duplication, first spelling kept.
    [
      'We build on github.com/Foo/Bar and release https://github.com/baz/qux. Mirror: https://github.com/foo/bar.',
      ['Foo/Bar', 'baz/qux'],
    ],
    ['https://github.com/a/one https://github.com/b/two https://github.com/a/one.git', ['a/one', 'b/two']],
    // Mixed in with things that are not repositories.
    ['Project page: https://foo.github.io/bar/. Gist: https://gist.github.com/foo/abc123. Code: github.com/foo/real.', ['foo/real']],
    ['Follow https://github.com/sponsors/foo and https://github.com/orgs/foo; code: https://github.com/foo/x', ['foo/x']],
    ['Our lab: https://github.com/foo. Code: https://github.com/foo/x', ['foo/x']],
    ['The flaw (https://github.com/advisories/GHSA-jfh8-c2jp-5v3q) is fixed in https://github.com/foo/x.', ['foo/x']],
    ['Data: https://raw.githubusercontent.com/foo/bar/main/data.csv', ['foo/bar']],
    ['Line\nbreak github.com/foo/bar\nnext', ['foo/bar']],
  ])('%s', (text, repos) => {
    expect(githubReposFromText(text)).toEqual(repos);
  });

  it.each([
    ['', 'the empty string'],
    ['We propose a new method for vision-language pre-training.', 'no URL at all'],
    ['Project page: https://foo.github.io/bar.', 'project pages'],
    ['See https://gist.github.com/foo/abc123 for the script.', 'gists'],
    ['Find us at https://github.com/foo.', 'owner alone'],
    ['Visit https://github.com/ for more.', 'the home page'],
    ['See https://github.com/topics/llm and https://github.com/features/copilot.', 'reserved owners'],
    ['Code: https://gitlab.com/foo/bar and https://bitbucket.org/foo/bar', 'other forges'],
    ['Mail foo/bar@github.com or see notgithub.com/foo/bar', 'look-alike text'],
    ['github.com/foo/.. and github.com/foo/.', 'dot-only repo names'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(githubReposFromText(text)).toEqual([]);
  });
});

describe('mergeRepos', () => {
  it.each([
    [[['a/b'], ['c/d']], ['a/b', 'c/d']],
    [[['Owner/Repo'], ['owner/repo', 'x/y']], ['Owner/Repo', 'x/y']],
    [[['owner/repo', 'OWNER/REPO']], ['owner/repo']],
    [[null, ['a/b'], undefined, [], ['A/B', 'c/d']], ['a/b', 'c/d']],
    [[['c/d', 'a/b'], ['b/a', 'c/d']], ['c/d', 'a/b', 'b/a']],
    [[], []],
    [[null, undefined], []],
  ] as Array<[Array<readonly string[] | null | undefined>, string[]]>)('%j -> %j', (lists, merged) => {
    expect(mergeRepos(...lists)).toEqual(merged);
  });

  it('does not modify its inputs', () => {
    const first = ['a/b', 'A/B'] as const;
    const second = ['c/d'];
    mergeRepos(first, second);
    expect(first).toEqual(['a/b', 'A/B']);
    expect(second).toEqual(['c/d']);
  });
});
