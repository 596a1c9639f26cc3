import { describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { matchTopics } from '../background/topics';
import { createTagger } from './tagger';
import { checkRules } from '../core/tags/rules';

describe('card tagger', () => {
  it('combines rule tags, the built-in topics the background matched (watched ones marked) and site keywords', () => {
    const tag = createTagger({
      watchedTopics: ['moe'],
      followedAuthors: [],
      tagRules: checkRules([{ tag: 'my-routing', match: 'router, routing', fields: 'both' }]),
    });
    const paper = makePaper({
      title: 'Sparse Mixture-of-Experts Routing for Efficient LLM Inference',
      abstract: 'We quantize the experts to 4-bit and study the router.',
      categories: ['cs.LG'],
    });
    const [topics] = matchTopics([paper]);
    const tags = tag(paper, topics);
    expect(tags[0]).toEqual({ label: 'my-routing', kind: 'rule', watched: false });
    expect(tags.find((t) => t.kind === 'topic' && t.watched)?.label).toMatch(/mixture/i);
    expect(tags.filter((t) => t.kind === 'topic').map((t) => t.label)).toEqual(expect.arrayContaining(['LLMs']));
    expect(tags.filter((t) => t.kind === 'topic')).toHaveLength(topics!.length);
    expect(tags.at(-1)).toEqual({ label: 'cs.LG', kind: 'site', watched: false });
    // Before the background has answered: the card's own tags alone.
    expect(tag(paper)).toEqual([tags[0], tags.at(-1)]);
  });

  it("puts the followed authors among a paper's authors first, watched, named as the reader wrote them", () => {
    const tag = createTagger({ watchedTopics: [], followedAuthors: ['Yann LeCun', 'Schölkopf', 'Geoffrey Hinton'], tagRules: [] });
    const paper = makePaper({ title: 'T', abstract: null, categories: ['cs.LG'], authors: ['B Schoelkopf', 'Y LeCun', 'Jane Doe'] });
    expect(tag(paper)).toEqual([
      { label: 'Yann LeCun', kind: 'author', watched: true },
      { label: 'Schölkopf', kind: 'author', watched: true },
      { label: 'cs.LG', kind: 'site', watched: false },
    ]);
    expect(tag(makePaper({ title: 'T', abstract: null, categories: [], authors: ['Yves LeCun'] }))).toEqual([]);
  });

  it('skips a rule the background left out, or one this browser cannot compile, instead of failing the page', () => {
    expect(checkRules([{ tag: 'bad', match: '/(a+)+/', fields: 'title' }])).toEqual([]);
    const sent = [
      { tag: 'broken', source: '(', flags: '', fields: 'title' as const, match: '/(/' },
      { tag: 'odd flags', source: 'a', flags: 'q', fields: 'title' as const, match: '/a/q' },
      ...checkRules([{ tag: 'fine', match: '/a{3}/', fields: 'title' }]),
    ];
    const tag = createTagger({ watchedTopics: [], followedAuthors: [], tagRules: sent });
    expect(tag(makePaper({ title: 'aaaa', abstract: null, categories: [] }))).toEqual([{ label: 'fine', kind: 'rule', watched: false }]);
  });
});
