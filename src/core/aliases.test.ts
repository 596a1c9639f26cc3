import { describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { aliasesOf, boundAliases, knownIds } from './aliases';
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
});
