import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, expandLead, translate, type Matcher, type PaperText } from './match';
import { checkRules, nestedQuantifier, RULE_TEXT_MAX, SLOW_RULE_MS, validateRule, type UserRule } from './rules';
import { runRules, type RuleWatch } from './run-rules';
import { adjacentRepeats } from './adjacent-repeats';
import { withoutLeadingRepeats } from './leading-repeat';
import { TOPICS, type Topic } from './taxonomy';

/** The rules as a page runs them: checked and rewritten by the background, then run by the content script. */
const tagWith = (rules: readonly UserRule[], watch?: RuleWatch) => runRules(checkRules(rules), watch);

interface LabelledPaper {
  id: string;
  title: string;
  abstract: string;
  topics: string[];
}

function loadSet(name: string): LabelledPaper[] {
  const url = new URL(`../../../test/data/tags/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { papers: LabelledPaper[] }).papers;
}

const matcher = compileTaxonomy();
const tags = (title: string, abstract = '') => matcher.match({ title, abstract });
/** A matcher over one ad-hoc topic, for testing the phrase syntax in isolation. */
const one = (topic: Partial<Topic> & { phrases: string }) => compileTaxonomy([{ id: 't', label: 'T', ...topic }]);
const hit = (m: Matcher, title: string, abstract = '') => m.match({ title, abstract }).length > 0;

describe('taxonomy data', () => {
  it('has at least 45 topics with unique kebab-case ids, labels and phrases', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(45);
    const ids = TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TOPICS) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.label.trim()).not.toBe('');
      expect(t.phrases.split(',').filter((p) => p.trim()).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('covers the topics the issue names', () => {
    const ids = new Set(TOPICS.map((t) => t.id));
    for (const id of ['llm', 'diffusion', 'quantization', 'pruning', 'distillation', 'moe', 'kv-cache', 'rl', 'agents']) {
      expect(ids).toContain(id);
    }
    for (const id of ['reasoning', 'multimodal', 'video', 'speech', '3d-vision', 'graphs', 'time-series', 'unlearning']) {
      expect(ids).toContain(id);
    }
    for (const id of ['privacy', 'safety', 'interpretability', 'benchmarks', 'efficient-inference']) expect(ids).toContain(id);
  });
});

describe('phrase syntax', () => {
  it('matches whole words only', () => {
    const m = one({ phrases: '=MoE' });
    expect(hit(m, 'Moebius transformations')).toBe(false);
    expect(hit(m, 'MoE-LLaVA: sparse experts')).toBe(true);
    expect(hit(m, 'Scaling (MoE) models.')).toBe(true);
    expect(hit(m, 'HomoE and MoEx')).toBe(false);
  });

  it('keeps acronyms case-sensitive with `=` and everything else case-insensitive', () => {
    expect(hit(one({ phrases: '=RAG' }), 'from rags to riches')).toBe(false);
    expect(hit(one({ phrases: '=RAG' }), 'RAG for QA')).toBe(true);
    expect(hit(one({ phrases: '=KV' }), 'a 400 kV line')).toBe(false);
    expect(hit(one({ phrases: 'knowledge distillation' }), 'KNOWLEDGE DISTILLATION')).toBe(true);
  });

  it('handles plurals, inflections, hyphens and spaces', () => {
    const q = one({ phrases: 'quanti[sz]*' });
    for (const w of ['quantized', 'Quantization', 'quantising', 'quantize']) expect(hit(q, w)).toBe(true);
    expect(hit(q, 'quant')).toBe(false);
    const ag = one({ phrases: 'LLM agents?' });
    expect(hit(ag, 'an LLM agent')).toBe(true);
    expect(hit(ag, 'LLM agents')).toBe(true);
    expect(hit(ag, 'LLM agentic')).toBe(false);
    const ft = one({ phrases: 'fine-tun*' });
    for (const w of ['fine-tuning', 'finetuned', 'fine tuning', 'Fine-Tune']) expect(hit(ft, w)).toBe(true);
    expect(hit(one({ phrases: 'mixture of experts' }), 'a Mixture-of-Experts layer')).toBe(true);
  });

  it('expands leading groups and keeps regex groups elsewhere', () => {
    expect(expandLead('(1|2|4)-bit')).toEqual(['1-bit', '2-bit', '4-bit']);
    expect(expandLead('(large )?language model')).toEqual(['large language model', 'language model']);
    expect(translate('fine-tun* (models?|weights)')).toBe('fine[\\s-]*tun\\w*[\\s-]+(models?|weights)');
    expect(hit(one({ phrases: '(1|2|4|1.58)-bit' }), 'ternary 1.58-bit weights')).toBe(true);
    expect(hit(one({ phrases: '(1|2|4|1.58)-bit' }), '158-bit')).toBe(false);
    expect(hit(one({ phrases: '\\d+K tokens' }), 'up to 128K tokens')).toBe(true);
  });

  it('lets excludes cancel phrases inside them', () => {
    const m = one({ phrases: 'diffusion', exclude: 'information diffusion, diffusion MRI' });
    expect(hit(m, 'Information diffusion on Twitter')).toBe(false);
    expect(hit(m, 'Diffusion MRI microstructure')).toBe(false);
    expect(hit(m, 'Information diffusion and diffusion models')).toBe(true);
  });

  it('counts title-only phrases in titles only', () => {
    const m = one({ phrases: 'multi-agent', title: 'agents?' });
    expect(hit(m, 'Agents that browse')).toBe(true);
    expect(hit(m, 'Browsing', 'the agent browses')).toBe(false);
  });

  it('needs `min` abstract hits unless a title hit or a `!` phrase decides', () => {
    const m = one({ phrases: 'reasoning, !chain-of-thought', min: 2 });
    expect(hit(m, 'X', 'without reasoning about it')).toBe(false);
    expect(hit(m, 'X', 'reasoning and more reasoning')).toBe(true);
    expect(hit(m, 'X', 'chain-of-thought prompts')).toBe(true);
    expect(hit(m, 'Reasoning', 'nothing')).toBe(true);
  });

  it('orders title hits first, then by number of hits', () => {
    const m = compileTaxonomy([
      { id: 'a', label: 'A', phrases: 'alpha' },
      { id: 'b', label: 'B', phrases: 'beta' },
      { id: 'c', label: 'C', phrases: 'gamma' },
    ]);
    expect(m.match({ title: 'gamma', abstract: 'alpha beta beta' })).toEqual(['c', 'b', 'a']);
    expect(m.hits({ title: 'gamma', abstract: 'beta' })).toEqual([
      { id: 'b', title: 0, abstract: 1 },
      { id: 'c', title: 1, abstract: 0 },
    ]);
  });

  it('rejects malformed taxonomies at compile time', () => {
    expect(() => compileTaxonomy([{ id: 'Bad Id', label: 'x', phrases: 'a' }])).toThrow(/kebab/);
    expect(() =>
      compileTaxonomy([
        { id: 'a', label: 'x', phrases: 'a' },
        { id: 'a', label: 'y', phrases: 'b' },
      ]),
    ).toThrow(/duplicate/);
    expect(() => compileTaxonomy([{ id: 'a', label: 'x', phrases: ' , ' }])).toThrow(/no phrases/);
    expect(() => compileTaxonomy([{ id: 'a', label: 'x', phrases: '?oops' }])).toThrow(/must start/);
    expect(() => compileTaxonomy([{ id: 'a', label: 'x', phrases: 'a(b' }])).toThrow(/bad phrase/);
  });

  it('builds no regex per call', () => {
    const Real = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Real, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      tags('Speculative decoding for MoE LLMs', 'We quantize the KV cache of large language models.');
    } finally {
      globalThis.RegExp = Real;
    }
    expect(built).toBe(0);
  });
});

describe('built-in taxonomy on typical text', () => {
  it('tags classic cases and avoids classic false hits', () => {
    expect(tags('Switch-MoE: Sparse Mixture-of-Experts Language Models')).toEqual(
      expect.arrayContaining(['moe', 'llm']),
    );
    expect(tags('Moebius Inversion on Posets')).toEqual([]);
    expect(tags('Chemical Warfare Agents Detected by Spectrometry')).not.toContain('agents');
    expect(tags('Web Agents for Online Shopping')).toContain('agents');
    expect(tags('Information Diffusion in Social Networks')).not.toContain('diffusion');
    expect(tags('Denoising Diffusion Models for Video')).toEqual(expect.arrayContaining(['diffusion', 'video']));
    expect(tags('Cost-Complexity Pruning of Decision Trees')).not.toContain('pruning');
    expect(tags('Structured Pruning of LLMs')).toContain('pruning');
    expect(tags('Distillation Columns in Refineries')).not.toContain('distillation');
    expect(tags('Dataset Distillation by Trajectory Matching')).toContain('distillation');
    expect(tags('Attention', 'Attention maps and attention weights everywhere in attention layers.')).toEqual([]);
    expect(tags('KV Cache Eviction for Long-Context LLMs')).toEqual(
      expect.arrayContaining(['kv-cache', 'long-context', 'llm']),
    );
    expect(tags('Fault Location on 400 kV Lines')).toEqual([]);
    expect(tags('RAG1 Recombinase Activity', 'We measure rag1 in B cells.')).toEqual([]);
  });

  it('accepts a Paper-like object with a null abstract', () => {
    const paper: PaperText = { title: 'LoRA Adapters for Speech Recognition', abstract: null };
    expect(matcher.match(paper)).toEqual(expect.arrayContaining(['peft', 'speech']));
  });
});

describe('user rules', () => {
  const rule = (match: string, extra: Partial<UserRule> = {}): UserRule => ({
    tag: 'my-topic',
    match,
    fields: 'both',
    ...extra,
  });
  const err = (r: UserRule) => {
    const v = validateRule(r);
    return v.ok ? null : v.error;
  };

  it('accepts word lists and regexes', () => {
    expect(validateRule(rule('kv cache, paged attention'))).toEqual({ ok: true });
    expect(validateRule(rule('/speculative (decoding|sampling)/i'))).toEqual({ ok: true });
    expect(validateRule(rule('/a/gi'))).toEqual({ ok: true });
    expect(validateRule(rule('x', { tag: 'Réseaux v2.1_b' }))).toEqual({ ok: true });
  });

  it('explains bad tags, fields and matches', () => {
    expect(err(rule('x', { tag: '  ' }))).toMatch(/tag is empty/);
    expect(err(rule('x', { tag: 'a'.repeat(41) }))).toMatch(/40 characters/);
    expect(err(rule('x', { tag: 'c++' }))).toMatch(/only contain/);
    expect(err(rule('x', { tag: 'a/b' }))).toMatch(/only contain/);
    expect(err(rule('x', { fields: 'body' as UserRule['fields'] }))).toMatch(/title, abstract or both/);
    expect(err(rule('   '))).toMatch(/match is empty/);
    expect(err(rule(' , ,'))).toMatch(/at least one word/);
    expect(err(rule('/unclosed'))).toMatch(/closing slash/);
    expect(err(rule('//'))).toMatch(/empty/);
    expect(err(rule('/(a/'))).toMatch(/^Invalid regular expression: /);
    expect(err(rule('/a/x'))).toMatch(/Flag "x"/);
    expect(err(rule('/a/ii'))).toMatch(/Invalid regular expression/);
    expect(err(rule(`/${'a'.repeat(201)}/`))).toMatch(/200 characters/);
    expect(err(rule('/a*/'))).toMatch(/every paper/);
  });

  it('rejects nested quantifiers', () => {
    // Repeated choices whose options may match the same text backtrack as badly: `(.|\s)*` is the common idiom.
    for (const p of ['(a+)+', '(a*)*', '(\\w+\\s?)*', '((ab)+c)+', '(a+){2,}', '(a{2,})*', '(.|\\s)*', '(?:a|ab)+', '(\\w|-)+', '(a|)*', '(?<x>[ab]|a)+']) {
      expect(nestedQuantifier(p), p).not.toBeNull();
      expect(err(rule(`/${p}b/`))).toMatch(/repeats a group that already repeats, or a choice/);
    }
    for (const p of ['(ab)+', '(a+)?', '[(a+)]+', '\\(a+\\)+', 'a+b*', '(a|b){2}', '(a+){1}', '(?<n>ab)+', '(cat|dog)+', '(?:ab|cd)*', '(.|\\s)?']) {
      expect(nestedQuantifier(p), p).toBeNull();
    }
    // Rounds that part at a character their repeats cannot take are split one way only, as a plain repeat's run is.
    for (const p of ['(\\w+-)+based', '(\\d{1,3},)*\\d{3}', '(a+b)+', '(a+b+)+', '(-\\d+)*', '(?:[a-z]+ )+x', '(?<n>\\d+\\.\\d+,)+', '(a+A)+', '(?:x+y)+?']) {
      expect(nestedQuantifier(p), p).toBeNull();
    }
    // Not so where the next character may be taken by the repeat, may be left out, or is no single character's pattern.
    for (const [p, flags] of <[string, string][]>[['(a+a)+', ''], ['(a+A)+', 'i'], ['(a*b*)+', ''], ['(\\w+\\d)+', ''], ['(.+,)+', ''], ['(a+b?)+', ''], ['(\\w+\\s*)+', ''], ['(a+(b))+', ''], ['(a+\\b)+', ''], ['(\\w+\\1)+', '']]) {
      expect(nestedQuantifier(p, flags), p).not.toBeNull();
    }
    expect(tagWith([rule('/(\\w+-)+based/i', { tag: 'x-based' }), rule('/(\\d{1,3},)*\\d{3} parameters/', { tag: 'size' })])({ title: 'Graph-Transformer-Based Retrieval with 1,300,000 parameters', abstract: null })).toEqual(['x-based', 'size']);
  });

  it('rejects a repeated group with an optional part its rounds may share', () => {
    // An optional item varies as a repeat does: `(?:a?a)+!` and `(?:a?){20}!` took seconds on 5,000 letters.
    for (const p of ['(?:a?a)+', '(?:a?){20}', '(a{0,1}a)*', '(?:(?:a)?a)+', '(\\w\\w??)+', '(?<n>[a-z]?\\w)+']) {
      expect(nestedQuantifier(p), p).not.toBeNull();
      expect(err(rule(`/${p}!/`))).toMatch(/repeats a group that already repeats, or a choice/);
    }
    // Rounds that still part one way: the optional part is followed by a character it cannot take.
    for (const p of ['(?:colou?r )+x', '(?<n>ab?)+', '(-?\\d+,)+', '(?:a?b)*c']) {
      expect(nestedQuantifier(p), p).toBeNull();
      expect(validateRule(rule(`/${p}/`)), p).toEqual({ ok: true });
    }
  });

  it('rejects repeats in a row that may match the same characters', () => {
    // Each way of sharing a run between them is tried before failing: `\w*\w*\w*\w*!` takes seconds on 400 letters.
    for (const [p, flags] of <[string, string][]>[['\\w*\\w*\\w*\\w*!', ''], ['\\d+\\.?\\d*x', ''], ['\\w+\\s*\\w+!', ''], ['a*A*!', 'i'], ['[a-z]+[A-Z]+!', 'i'], ['\\w*(?:-)?\\w*!', ''], ['x.*?\\w+!', ''], ['\\w{2,}\\w{1,100}!', ''], ['x(?=\\w*\\w*!)', ''], ['(?:a|\\w+)\\w+!', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    for (const [p, flags] of <[string, string][]>[['diffusion.*video', 'i'], ['large.*language.*model', 'i'], ['\\w+\\s+\\w+', ''], ['[a-z]+[0-9]+', ''], ['xa*A*', ''], ['gpt-?\\d+(\\.\\d+)?', ''], ['\\d{1,4}\\d{1,4}', ''], ['\\S+\\s+\\S+', 'u'], ['\\bLLMs?\\b', 'i']]) {
      expect(adjacentRepeats(p, flags), p).toBeNull();
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
  });

  it("reads a repeated group whose rounds end at a character as open only to repeats that may take that character", () => {
    // A version number: `\d+` after `(\d+\.)+` cannot take the ".", so it reads one round's digits at most, wherever the
    // rounds stop (a repeat's own quadratic cost from every character: 20-40 ms on 5,000 characters of "12.12.…").
    for (const p of ['v(\\d+\\.)+\\d+', '(\\d+\\.)+\\d+!', '(\\w+-)+\\w+!', '(?:\\d+,)+\\d+\\.\\d+!', '(\\d+\\.)+\\.?\\d+!']) {
      expect(adjacentRepeats(p, ''), p).toBeNull();
      expect(validateRule(rule(`/${p}/`)), p).toEqual({ ok: true });
    }
    expect(tagWith([rule('/v(\\d+\\.)+\\d+/', { tag: 'versioned' })])({ title: 'Llama v3.1.2 Instruct', abstract: null })).toEqual(['versioned']);
    // A repeat that may take the character the rounds end with reads across rounds, for each number of them.
    for (const p of ['(\\d+\\.)+.*!', '(\\d+\\.)+[\\d.]+!', '(a.)+a+!', '(\\d+\\.)+\\d+\\d*!', '(\\d+\\.?)+\\d+!']) {
      expect(err(rule(`/${p}/`)), p).toMatch(/repeats in a row|repeats a group that already repeats/);
    }
  });

  it('rejects a lookaround whose repeats may take the characters of a repeat just before it', () => {
    // Tried again wherever that repeat stops, each time reading the run anew: `a+(?=a*!)` took seconds on 5,000 letters.
    for (const [p, flags] of <[string, string][]>[['a+(?=a*!)', ''], ['a+(?<=a+)!', ''], ['\\w+(?!\\w*x)!', ''], ['x.*(?=.*y)', 'i'], ['\\w+-?(?=\\w+!)', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    // A lookbehind is matched from its end: any of its repeats reads back over the repeat before it (`\\w+(?<=,b+)`
    // took more than 20 s on 5,000 letters, `[^,]{1,10}(?<=,b+)` 0.13 s).
    for (const [p, flags] of <[string, string][]>[['\\w+(?<=,b+)', ''], ['[^,]{1,10}(?<=,{2,}[a-z]b+[a-z])', ''], ['\\d+(?<=\\s\\d+)x', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    // Reading back, its unbounded repeats pass any fixed text between as well (`\\S+\\.(?<=\\.*)!` took 25 s on 5,000 dots).
    for (const [p, flags] of <[string, string][]>[['\\S+\\.(?<=\\.*)!', 'u'], ['[a-z]{2,}?\\d?bb(?<!\\p{L}.{2,})a', 'i'], [' +?\\s{2}(?<=[a-z]+|[^.]*)a b!', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    // Ordinary lookarounds: at the start, after a repeat whose characters theirs cannot take, or with no repeat.
    for (const [p, flags] of <[string, string][]>[['(?=.*diffusion)(?=.*video)', 'i'], ['\\w+(?=\\s*\\()', ''], ['(?<!\\w)gpt\\d+(?!\\w)', 'i'], ['\\d+(?= ?B\\b)', ''], ['\\w+ (?<=model\\s*)\\d+', 'i'], ['\\w+ (?<=\\w{0,5} )x', '']]) {
      expect(adjacentRepeats(p, flags), p).toBeNull();
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
  });

  it('rejects rows of bounded repeats, optional items and choices that share a run in too many ways', () => {
    // Each way is tried from every character: twenty `a?` took seconds on 5,000 letters, four `\\w{0,10}` 0.4 s.
    for (const [p, flags] of <[string, string][]>[[`${'a?'.repeat(12)}!`, ''], [`${'\\w{0,10}'.repeat(4)}!`, ''], ['\\w*\\w?\\w?\\w?!', ''], ['\\w+\\w{1,10}!', ''], ['x.*A{0,9}!', 'i'], [`${'(?:a|aa)'.repeat(12)}!`, ''], [`${'(?:a)?'.repeat(12)}!`, '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    // A few ways, or repeats that cannot take each other's characters.
    for (const [p, flags] of <[string, string][]>[['colou?r', ''], ['\\w+s?\\b', ''], ['(\\d{1,3}\\.){3}\\d{1,3}', ''], ['\\d+(\\.\\d+)?\\s?[BM]\\b', ''], ['(pre-?)?train(ed|ing)?', 'i'], ['[A-Z]{2,5}-?\\d{1,4}', ''], ['(vision|image|video).*(transformer|diffusion|gan)', 'i'], [`${'a?'.repeat(11)}!`, '']]) {
      expect(adjacentRepeats(p, flags), p).toBeNull();
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
  });

  it('rejects a backreference to a long group right after a repeat that may take what it begins with', () => {
    // It reads the group's text again wherever that repeat stops: `(a+)\\1!` took 1.8 s on 5,000 letters.
    for (const [p, flags] of <[string, string][]>[['(a+)\\1!', ''], ['(.+) \\1!', ''], ['(?<w>[a-z]+)\\k<w>!', 'i'], ['(\\w+)[- ]?\\1!', ''], ['(?:(\\d+))\\1x', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters/);
    }
    // A repeated word: the repeat before the backreference cannot take the word's letters; a group of fixed length.
    for (const [p, flags] of <[string, string][]>[['\\b(\\w+)\\s+\\1\\b', 'i'], ['(\\w+)-\\1', ''], ['(ab)\\1', ''], ['(cat|dog)\\s+\\1', '']]) {
      expect(adjacentRepeats(p, flags), p).toBeNull();
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
  });

  it('rejects a pattern with many choices that begin with a repeat', () => {
    // Each runs its repeat from every character of the text: forty `\\w+0|\\w+1|...` took half a second on 5,000 letters.
    const choices = (n: number, each: (k: number) => string) => Array.from({ length: n }, (_, k) => each(k)).join('|');
    for (const p of [choices(9, (k) => `\\w+${k}`), `x|(?:${choices(9, (k) => `[a-z]{2,}${k}`)})`, choices(9, (k) => `(?=\\s*${k})`)]) {
      expect(err(rule(`/${p}/`)), p).toMatch(/choices that begin with a repeat/);
    }
    // A few, bounded ones, ones with a leading `.*` (taken off), or plain words.
    for (const p of [choices(8, (k) => `\\w+${k}`), choices(15, (k) => `\\d{1,3}${k}`), choices(20, (k) => `.*${k}`), choices(20, (k) => `w${k}`), '\\w+(?:former|net)']) {
      expect(validateRule(rule(`/${p}/`)), p).toEqual({ ok: true });
    }
  });

  it('rejects such repeats one character apart, when both may take that character', () => {
    // `.*a.*a.*!` took 8.5 s to fail on a 2,000-character abstract: every `a` is a place to split the run.
    for (const [p, flags] of <[string, string][]>[['.*a.*a.*!', ''], ['a.*b.*!', ''], ['.+ .+ .+!', ''], ['\\s.*\\s.*!', ''], ['x.*(?:e).*!', ''], ['\\w+\\b[a-z]\\w+!', ''], ['x.*[a,;].*!', ''], ['x[^!]*[.\\s][^!]*!', '']]) {
      expect(adjacentRepeats(p, flags), p).not.toBeNull();
      expect(err(rule(`/${p}/${flags}`))).toMatch(/repeats in a row that may match the same characters, or one character apart/);
    }
    // Ordinary rules: text of two characters or more between repeats, a character one of them cannot take, or one
    // that is neither a letter nor a space (a digit, a comma: a few in a text, each a place to split).
    for (const [p, flags] of <[string, string][]>[['large.*language.*model', 'i'], ['\\bdiffusion\\b', ''], ['(vision|image).{0,40}transformer', 'i'], ['the.*the.*', ''], ['\\w+-\\w+-\\w+', ''], ['\\S+ \\S+', ''], ['\\d+\\.\\d+', ''], ['(speculative|draft).*(decoding|sampling)', 'i'], ['[a-z]+ing\\b.*model', ''], ['llama.*3.*instruct', 'i'], ['a.*,.*!', ''], ['[^!]*\\.[^!]*!', '']]) {
      expect(adjacentRepeats(p, flags), p).toBeNull();
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
  });

  it('runs a rule without a start that may take whole sentences, which adds nothing but the work of running it from every character', () => {
    // `/.*learning.*zebra/i` took 74 ms on every 5,000-character abstract, 0.1 ms without its `.*`.
    for (const [p, flags, lean] of <[string, string, string][]>[
      ['.*learning.*zebra', 'i', 'learning.*zebra'],
      ['.*?x', '', 'x'],
      ['(?:.+)x', '', '(?:.)x'],
      ['[\\s\\S]*x', '', 'x'],
      ['a|[^.]+x', '', 'a|[^.]x'],
      ['(?<all>.*)x', '', '(?<all>)x'],
      ['\\D{2,}x', '', '\\D{2}x'],
    ]) {
      expect(withoutLeadingRepeats(p, flags), p).toBe(lean);
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
    // Kept as written: a start that stops at a word's end, is bounded or anchored; a group repeated whole (each round
    // needs it); a backreference that reads what it took.
    for (const [p, flags] of <[string, string][]>[['\\w+ing', ''], ['^.*x', ''], ['.{0,40}x', ''], ['\\S+ x', ''], ['x.*y', ''], ['(.*a){2}b', ''], ['(.*)=\\1', ''], ['(?:.*a)+b', '']]) {
      expect(withoutLeadingRepeats(p, flags), p).toBe(p);
    }
    // The same texts match either way.
    const texts = ['', 'x', 'ax', 'a x', 'learning to see a zebra', 'Learning\nzebra', 'zebra learning', 'b.x', 'ab\nx', 'ab x', '..x', 'a=a', 'xx', 'yx'];
    for (const [p, flags] of <[string, string][]>[['.*learning.*zebra', 'i'], ['.+x', ''], ['[^.]{2,}x', ''], ['a|.+?x', 's'], ['(?<all>.*)x', ''], ['.*(x|y)x', '']]) {
      const lean = new RegExp(withoutLeadingRepeats(p, flags), flags);
      expect(lean.source, p).not.toBe(p);
      for (const text of texts) expect(lean.test(text), `${p} on ${JSON.stringify(text)}`).toBe(new RegExp(p, flags).test(text));
    }
    // A rule saved with such a start still tags.
    expect(tagWith([rule('/.*diffusion/i', { tag: 'diffusion' })])({ title: 'Latent Diffusion Models', abstract: null })).toEqual(['diffusion']);
  });

  it('checks a rule for repeats in a row as it is run, without such a start: /.*\\d+B parameters/i is no error', () => {
    // The start taken off no longer meets the repeat after it (`.*\d+`), which alone refused the rule.
    for (const [p, flags, lean] of <[string, string, string][]>[
      ['.*\\d+B parameters', 'i', '\\d+B parameters'],
      ['.*\\w+former', 'i', '\\w+former'],
      ['.+\\d+%', '', '.\\d+%'],
      ['.*.*x', '', 'x'],
      ['.*?\\w+!', '', '\\w+!'],
      ['.*(?:e).*!', '', '(?:e).*!'],
      ['.*[a,;].*!', '', '[a,;].*!'],
      ['[^!]*[.\\s][^!]*!', '', '[.\\s][^!]*!'],
    ]) {
      expect(withoutLeadingRepeats(p, flags), p).toBe(lean);
      expect(validateRule(rule(`/${p}/${flags}`)), p).toEqual({ ok: true });
    }
    const tagger = tagWith([rule('/.*\\d+B parameters/i', { tag: 'size' })]);
    expect(tagger({ title: 'T', abstract: 'A model of 70B parameters.' })).toEqual(['size']);
    expect(tagger({ title: 'T', abstract: 'A model of many parameters.' })).toEqual([]);
    // What is left is still checked: repeats in a row after the start, or one letter apart, are refused as before.
    for (const p of ['/.*a.*a.*!/', '/.+ .+ .+!/', '/.*x\\w*\\w*!/', '/^.*\\d+B/']) expect(validateRule(rule(p)).ok, p).toBe(false);
  });

  it('leaves out such a rule where it tags, so a page is not held up by it', () => {
    const tagger = tagWith([rule('/\\w*\\w*\\w*!/', { tag: 'slow' }), rule('/a{3}/', { tag: 'quick' })]);
    // Not tried at all: on the title alone it would take seconds to fail.
    expect(tagger({ title: 'a'.repeat(400), abstract: `${'a'.repeat(20)}!` })).toEqual(['quick']);
  });

  it(`reads the first ${RULE_TEXT_MAX} characters of a field`, () => {
    // A lone leading `.*` is quadratic in the text's length: `/.*!/` took 0.9 s to fail on 50,000 characters.
    const tagger = tagWith([rule('/needle/', { tag: 'found' })]);
    const filler = 'x'.repeat(RULE_TEXT_MAX - 6);
    expect(tagger({ title: 'T', abstract: `${filler}needle` })).toEqual(['found']);
    expect(tagger({ title: 'T', abstract: `${filler}xneedle` })).toEqual([]);
    expect(tagger({ title: `${filler}xneedle`, abstract: null })).toEqual([]);
  });

  it(`leaves out a rule that took over ${SLOW_RULE_MS} ms on two papers for the papers after them, and says so`, () => {
    const rules = [rule('/slow/', { tag: 'slow' }), rule('/quick/', { tag: 'quick' })];
    // The clock moves only while the first rule runs on the first two papers: by SLOW_RULE_MS + 1 each time.
    const times = [0, SLOW_RULE_MS + 1, 0, 0, 0, SLOW_RULE_MS + 2];
    const slow: [string, number][] = [];
    const tagger = tagWith(rules, { now: () => times.shift() ?? 1000, onSlow: (r, ms) => slow.push([r.tag, ms]) });
    expect(tagger({ title: 'slow quick', abstract: null })).toEqual(['slow', 'quick']);
    expect(slow).toEqual([]); // once may be a garbage collection
    expect(tagger({ title: 'slow quick', abstract: null })).toEqual(['slow', 'quick']); // its answer there still counts
    expect(slow).toEqual([['slow', SLOW_RULE_MS + 2]]);
    expect(tagger({ title: 'slow quick', abstract: 'slow' })).toEqual(['quick']);
    expect(slow).toHaveLength(1); // told once
    // Exactly the limit is not over it.
    const kept = tagWith(rules, { now: (() => { const at = [0, SLOW_RULE_MS]; return () => at.shift() ?? 0; })() });
    kept({ title: 'x', abstract: null });
    expect(kept({ title: 'slow', abstract: null })).toEqual(['slow']);
  });

  it('compiles valid rules, skips invalid ones and respects fields', () => {
    const tagger = tagWith([
      rule('kv cache, paged attention', { tag: 'serving' }),
      rule('/\\bMoE\\b/', { tag: 'moe', fields: 'title' }),
      rule('(', { tag: 'bad tag!' }),
      rule('/(a+)+$/', { tag: 'evil' }),
      rule('c++', { tag: 'cpp', fields: 'abstract' }),
      rule('kv cache', { tag: 'serving' }),
    ]);
    expect(tagger({ title: 'MoE serving', abstract: 'We page the KV  cache. Written in C++.' })).toEqual([
      'serving',
      'moe',
      'cpp',
    ]);
    expect(tagger({ title: 'kv caches', abstract: 'MoE' })).toEqual([]); // whole words; MoE only in title
    expect(tagger({ title: 'Paged-Attention', abstract: null })).toEqual([]);
    expect(tagger({ title: 'paged   attention', abstract: null })).toEqual(['serving']);
  });
});

/** Per-topic precision/recall over a labelled set; prints a table. */
function evaluate(name: string, papers: LabelledPaper[]) {
  const stats = new Map(TOPICS.map((t) => [t.id, { tp: 0, fp: 0, fn: 0 }]));
  for (const p of papers) {
    const got = new Set(matcher.match(p));
    const want = new Set(p.topics);
    for (const id of got) stats.get(id)![want.has(id) ? 'tp' : 'fp']++;
    for (const id of want) if (!got.has(id)) stats.get(id)!.fn++;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  const rows = TOPICS.map(({ id }) => {
    const s = stats.get(id)!;
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.tp + s.fn);
    return { id, support: s.tp + s.fn, ...s, precision, recall };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => rows.reduce((a, r) => a + r[k], 0);
  const micro = { precision: ratio(sum('tp'), sum('tp') + sum('fp')), recall: ratio(sum('tp'), sum('tp') + sum('fn')) };
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `${name}: ${papers.length} papers, ${sum('tp') + sum('fn')} labels`,
    `${'topic'.padEnd(20)} ${'sup'.padStart(4)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  prec  rec`,
    ...rows.map(
      (r) =>
        `${r.id.padEnd(20)} ${String(r.support).padStart(4)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${f(r.precision)}  ${f(r.recall)}`,
    ),
    `micro precision ${f(micro.precision)}, recall ${f(micro.recall)}; macro precision ${f(rows.reduce((a, r) => a + r.precision, 0) / rows.length)}, recall ${f(rows.reduce((a, r) => a + r.recall, 0) / rows.length)}`,
  ];
  console.log(lines.join('\n'));
  return { rows, micro };
}

describe('labelled evaluation', () => {
  const labelled = loadSet('labelled');
  const holdout = loadSet('holdout');
  const known = new Set(TOPICS.map((t) => t.id));

  it('is a well-formed set of at least 300 papers with known topic ids', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(300);
    for (const set of [labelled, holdout]) {
      expect(new Set(set.map((p) => p.id)).size).toBe(set.length);
      for (const p of set) {
        expect(p.title.trim(), p.id).not.toBe('');
        expect(p.abstract.length, p.id).toBeGreaterThan(100);
        expect(new Set(p.topics).size, p.id).toBe(p.topics.length);
        for (const t of p.topics) expect(known, `${p.id}: ${t}`).toContain(t);
      }
    }
  });

  it('gives every topic a support of at least 3', () => {
    for (const { id } of TOPICS) {
      expect(labelled.filter((p) => p.topics.includes(id)).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('meets the precision/recall floors (micro P >= 0.9, R >= 0.8; P >= 0.75 per topic with support >= 5)', () => {
    const { rows, micro } = evaluate('labelled.json (also used to develop the phrases)', labelled);
    expect(micro.precision).toBeGreaterThanOrEqual(0.9);
    expect(micro.recall).toBeGreaterThanOrEqual(0.8);
    for (const r of rows.filter((r) => r.support >= 5)) expect(r.precision, r.id).toBeGreaterThanOrEqual(0.75);
  });

  it('reports the held-out set (written after the taxonomy was frozen; not gated)', () => {
    const { micro } = evaluate('holdout.json (unseen while tuning)', holdout);
    expect(micro.precision).toBeGreaterThan(0);
  });
});

describe('topic words in another sense, and common phrasings missed (found by an audit; the labelled sets improved)', () => {
  it('recommender: the verb "recommend" / "recommendations" in any abstract', () => {
    expect(tags('Prompt Sensitivity of Large Language Models in Clinical Classification',
      'We evaluate 8 prompt templates across 6 tasks and recommend ensembling over prompts to stabilise predictions.')).not.toContain('recommender');
    expect(tags('On the Reproducibility of Deep RL', 'Based on these findings, we recommend that practitioners report variance over seeds.')).not.toContain('recommender');
    expect(tags('X', 'We close with practical recommendations.')).not.toContain('recommender');
  });

  it('speech: ASR = attack success rate, TTS = test-time scaling, "native speakers", "spoken by"', () => {
    expect(tags('Stealthy Jailbreak Prompts on Aligned LLMs',
      'Our attack achieves an attack success rate (ASR) of 92% on GPT-4.')).not.toContain('speech');
    expect(tags('Can 1B LLM Surpass 405B LLM? Rethinking Compute-Optimal Test-Time Scaling',
      'Test-Time Scaling (TTS) is an important method for improving the performance of Large Language Models (LLMs) by using additional computation during the inference phase.')).not.toContain('speech');
    expect(tags('MasakhaNER: Named Entity Recognition for African Languages',
      'We create the first large publicly available dataset for named entity recognition in ten African languages, annotated by native speakers.')).not.toContain('speech');
    expect(tags('X', 'Low-resource languages spoken by millions remain underserved by machine translation.')).not.toContain('speech');
  });

  it('code: any mention of "Python" (a library written in it)', () => {
    expect(tags('Scikit-learn: Machine Learning in Python',
      'Scikit-learn is a Python module integrating a wide range of state-of-the-art machine learning algorithms for medium-scale supervised and unsupervised problems.')).not.toContain('code');
    expect(tags('Conformal Prediction for Regression', 'We release an open-source Python package.')).not.toContain('code');
  });

  it('diffusion: "denoising" that is not a diffusion model (BART, image denoising, DINO detector)', () => {
    expect(tags('BART: Denoising Sequence-to-Sequence Pre-training for Natural Language Generation, Translation, and Comprehension',
      'We present BART, a denoising autoencoder for pretraining sequence-to-sequence models.')).not.toContain('diffusion');
    expect(tags('Beyond a Gaussian Denoiser: Residual Learning of Deep CNN for Image Denoising')).not.toContain('diffusion');
    expect(tags('DINO: DETR with Improved DeNoising Anchor Boxes for End-to-End Object Detection')).not.toContain('diffusion');
  });

  it('pruning: "data sparsity" (recommenders) is not a sparse model', () => {
    expect(tags('Self-Attentive Sequential Recommendation',
      'Our method deals well with data sparsity on both sparse and dense datasets.')).not.toContain('pruning');
  });

  it('self-supervised: MAE is also a mean absolute error', () => {
    expect(tags('Are Transformers Effective for Long-Term Forecasting?',
      'Our linear model reduces MAE and MSE substantially compared to Transformer-based forecasters.')).not.toContain('self-supervised');
  });

  it('continual-learning: RL "experience replay" and the adverb "continually"', () => {
    expect(tags('Prioritized Experience Replay',
      'Experience replay lets online reinforcement learning agents remember and reuse experiences from the past.')).not.toContain('continual-learning');
    expect(tags('Hindsight Experience Replay')).not.toContain('continual-learning');
    expect(tags('Emergent Abilities of Large Language Models', 'As language models continually grow, new abilities emerge.')).not.toContain('continual-learning');
  });

  it('state-space-models: "gated linear units", "linear-time algorithm", "subquadratic time"', () => {
    expect(tags('GLU Variants Improve Transformer',
      'Gated Linear Units consist of the component-wise product of two linear projections.')).not.toContain('state-space-models');
    expect(tags('A Linear-Time Algorithm for Maximum Matching in Planar Graphs')).not.toContain('state-space-models');
    expect(tags('Edit Distance Cannot Be Computed in Strongly Subquadratic Time (unless SETH is false)')).not.toContain('state-space-models');
  });

  it('segmentation: SAM = Sharpness-Aware Minimization', () => {
    expect(tags('Sharpness-Aware Minimization for Efficiently Improving Generalization',
      'Our procedure, Sharpness-Aware Minimization (SAM), seeks parameters that lie in neighborhoods having uniformly low loss. SAM improves model generalization; SAM natively provides robustness to label noise.')).not.toContain('segmentation');
  });

  it('molecules: "compound" scaling / compound AI systems', () => {
    expect(tags('EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks',
      'We propose a new scaling method that uniformly scales all dimensions of depth/width/resolution using a simple yet highly effective compound coefficient.')).not.toContain('molecules');
    expect(tags('The Shift from Models to Compound AI Systems')).not.toContain('molecules');
  });

  it('alignment: "safety alignment", "aligned models"', () => {
    expect(tags('Safety Alignment Should Be Made More Than Just a Few Tokens Deep',
      'The safety alignment of current Large Language Models (LLMs) is vulnerable. Relatively simple attacks, or even benign fine-tuning, can jailbreak aligned models. Safety alignment can take shortcuts, wherein the alignment adapts a model\'s generative distribution primarily over only its very first few output tokens.')).toContain('alignment');
  });

  it('agents: "LLM-based agents", "use (external) tools" (Toolformer)', () => {
    expect(tags('X', 'LLM-based agents are increasingly deployed to browse the web.')).toContain('agents');
    expect(tags('Toolformer: Language Models Can Teach Themselves to Use Tools',
      'We show that LMs can teach themselves to use external tools via simple APIs. We introduce Toolformer, a model trained to decide which APIs to call, when to call them, what arguments to pass.')).toContain('agents');
  });

  it('llm: "instruction tuning" (space) and "instruction fine-tuning": `instruction-(fine)?tun*` compiles to a literal hyphen', () => {
    expect(tags('Instruction Tuning with Curated Demonstrations')).toContain('llm');
    expect(tags('A Survey on Instruction Fine-Tuning')).toContain('llm');
  });

  it('reasoning / medical / robotics: title-only and weak words in other senses', () => {
    expect(tags('A Mathematical Framework for Transformer Circuits')).not.toContain('reasoning');
    expect(tags('Proof-of-Learning: Definitions and Practice')).not.toContain('reasoning');
    expect(tags('CLEVR: A Diagnostic Dataset for Compositional Language and Elementary Visual Reasoning')).not.toContain('medical');
    expect(tags('StyleCLIP: Text-Driven Manipulation of StyleGAN Imagery')).not.toContain('robotics');
  });

  it('image-generation: NLP "text style transfer"', () => {
    expect(tags('Style Transformer: Unpaired Text Style Transfer without Disentangled Latent Representation')).not.toContain('image-generation');
  });

  it('graphs: causal DAG structure learning (guideline: "causal DAG discovery are not")', () => {
    expect(tags('DAGs with NO TEARS: Continuous Optimization for Structure Learning',
      'Estimating the structure of directed acyclic graphs (DAGs, also known as Bayesian networks) is a challenging problem.')).not.toContain('graphs');
  });

  it('benchmarks: "we present experiments on three datasets", "renders images"', () => {
    expect(tags('X', 'We present experiments on three datasets and show consistent gains.')).not.toContain('benchmarks');
    expect(tags('X', 'Our model renders high-quality images in real time.')).not.toContain('benchmarks');
  });
});
