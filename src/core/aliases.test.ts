import { describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { aliasesOf, arxivIdAndDoi, boundAliases, knownIds } from './aliases';
import { PAPER_LIMITS } from './paper';

describe('aliases', () => {
  it('keeps well-formed ids of kinds Papershelf gives, in today\'s form, each once, never the id itself', () => {
    expect(boundAliases(['cvf:CVPR_2023/X', 'foo:bar', 'doi:10.18653/v1/2023.acl-long.1', 'arxiv:math.GT/0309136v2', 'cvf:CVPR_2023/X', 'doi:10.1/a b', 42, 'arxiv:2401.00001'], 'arxiv:2401.00001'))
      .toEqual(['cvf:CVPR_2023/X', 'aclanthology:2023.acl-long.1', 'arxiv:math/0309136']);
    expect(boundAliases(Array.from({ length: 30 }, (_, i) => `dblp:conf/x/A${i}`), 'arxiv:2401.00001')).toHaveLength(PAPER_LIMITS.aliases);
  });

  it("adds the id of the paper's own DOI, and knownIds leads with the id", () => {
    const paper = makePaper({ id: 'arxiv:2401.12345', doi: '10.1109/tpami.2025.3512345', aliases: ['semanticscholar:abc'] });
    expect(aliasesOf(paper)).toEqual(['semanticscholar:abc', 'doi:10.1109/tpami.2025.3512345']);
    expect(knownIds(paper)).toEqual(['arxiv:2401.12345', 'semanticscholar:abc', 'doi:10.1109/tpami.2025.3512345']);
    expect(aliasesOf({ id: 'arxiv:2401.12345', doi: null, aliases: 'not a list' })).toEqual([]);
  });

  it("gives a record's arXiv id and DOI from its id, then its own DOI, then its aliases", () => {
    // Saved from its CVF page, then merged with a dblp entry: the arXiv id and DOI are only aliases.
    const cvf = { id: 'cvf:Okafor_Seg_CVPR_2024', doi: null, aliases: ['dblp:conf/cvpr/OkaforE24', 'arxiv:2312.00001', 'doi:10.1109/cvpr52733.2024.00123', 'arxiv:2401.00009'] };
    expect(arxivIdAndDoi(cvf)).toEqual({ arxiv: '2312.00001', doi: '10.1109/cvpr52733.2024.00123' });
    // The record's own id and own DOI come before any alias.
    expect(arxivIdAndDoi({ id: 'arxiv:2401.00001', doi: '10.1/own', aliases: ['doi:10.2/other'] })).toEqual({ arxiv: '2401.00001', doi: '10.1/own' });
    expect(arxivIdAndDoi({ id: 'doi:10.3/id', doi: null, aliases: ['doi:10.2/other', 'arxiv:2401.00001'] })).toEqual({ arxiv: '2401.00001', doi: '10.3/id' });
    expect(arxivIdAndDoi({ id: 'aclanthology:2023.acl-long.1', doi: null, aliases: ['arxiv:2305.00003'] })).toEqual({ arxiv: '2305.00003', doi: '10.18653/v1/2023.acl-long.1' });
    // An ACL DOI is an `aclanthology:` alias; one of a venue without ACL DOIs (LREC) names none, so the next DOI counts.
    expect(arxivIdAndDoi({ id: 'arxiv:2305.00003', doi: null, aliases: ['aclanthology:2023.acl-long.2'] })).toEqual({ arxiv: '2305.00003', doi: '10.18653/v1/2023.acl-long.2' });
    expect(arxivIdAndDoi({ id: 'pmlr:v202/x23a', doi: null, aliases: ['aclanthology:2020.lrec-1.1', 'doi:10.5555/1'] })).toEqual({ arxiv: null, doi: '10.5555/1' });
    // Aliases read as a record keeps them (today's form): arXiv's DOI is the arXiv id, a DOI lowercased.
    expect(arxivIdAndDoi({ id: 'cvf:X', doi: null, aliases: ['doi:10.48550/arXiv.2312.00001v2', 'doi:10.1109/CVPR.2024.1'] })).toEqual({ arxiv: '2312.00001', doi: '10.1109/cvpr.2024.1' });
    expect(arxivIdAndDoi({ id: 'openreview:abc', doi: null, aliases: [] })).toEqual({ arxiv: null, doi: null });
    expect(arxivIdAndDoi({ id: 'openreview:abc', doi: null })).toEqual({ arxiv: null, doi: null });
  });
});
