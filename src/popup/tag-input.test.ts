import { describe, expect, it } from 'vitest';
import { checkTag, suggestTags } from './tag-input';

describe('tag input', () => {
  it('accepts what the background accepts and reuses an existing spelling', () => {
    expect(checkTag('  long   context ', [])).toEqual({ ok: true, tag: 'long context' });
    expect(checkTag('nlp', ['NLP'])).toEqual({ ok: true, tag: 'NLP' });
    expect(checkTag('', []).ok).toBe(false);
    expect(checkTag('<script>', []).ok).toBe(false);
    expect(checkTag('x'.repeat(41), []).ok).toBe(false);
  });

  it('completes by prefix, then by substring, leaving out tags the paper has', () => {
    const known = ['vision', 'nlp', 'video', 'multimodal vision'];
    expect(suggestTags(known, 'vi', [])).toEqual(['vision', 'video', 'multimodal vision']);
    expect(suggestTags(known, 'vi', ['Vision'])).toEqual(['video', 'multimodal vision']);
    expect(suggestTags(known, '', ['nlp'], 2)).toEqual(['vision', 'video']);
  });
});
