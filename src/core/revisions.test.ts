import { describe, expect, it } from 'vitest';
import { arxivKey, isRevised, utcDay } from './revisions';

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const saved = (version: number | null, savedOn = '2026-10-01', id = 'arxiv:2409.01234') => ({ paper: { id, version }, savedAt: day(savedOn) });

describe('isRevised', () => {
  it('compares versions where the record knows the one its reader saw', () => {
    expect(isRevised(saved(1), { version: 2, updated: '2026-09-01' })).toBe(true); // dated before the save: still newer than v1
    expect(isRevised(saved(2), { version: 2, updated: '2026-11-01' })).toBe(false);
    expect(isRevised(saved(3), { version: 2, updated: '2026-11-01' })).toBe(false); // the reader saw a newer one than the answer
  });

  it('without a known version, a version past the first submitted after the day of the save', () => {
    expect(isRevised(saved(null, '2026-10-01'), { version: 2, updated: '2026-10-02' })).toBe(true);
    expect(isRevised(saved(null, '2026-10-01'), { version: 2, updated: '2026-10-01' })).toBe(false); // that day: maybe the one read
    expect(isRevised(saved(null, '2026-10-01'), { version: 2, updated: '2026-09-30' })).toBe(false);
    expect(isRevised(saved(null, '2026-10-01'), { version: 1, updated: '2026-12-01' })).toBe(false); // v1 is the paper saved
    expect(isRevised(saved(null, '2026-10-01'), { version: 3, updated: null })).toBe(false); // undated: not guessed
    expect(isRevised({ paper: { id: 'arxiv:2409.01234', version: null }, savedAt: 0 }, { version: 3, updated: '2026-01-01' })).toBe(false);
  });

  it('nothing asked, or a paper that is not arXiv’s, is not revised', () => {
    expect(isRevised(saved(1), undefined)).toBe(false);
    expect(isRevised(saved(null, '2026-10-01', 'doi:10.1145/1'), { version: 4, updated: '2026-11-01' })).toBe(false);
  });
});

describe('arxivKey and utcDay', () => {
  it('only arXiv records are asked by their arXiv id; days are UTC', () => {
    expect(arxivKey('arxiv:hep-th/9901001')).toBe('hep-th/9901001');
    expect(arxivKey('doi:10.1145/1')).toBeNull();
    // A record whose id is no arXiv id (a page's, a backup's) is not asked about: its id would go into arXiv's query.
    expect(arxivKey('arxiv:2401.00001#')).toBeNull();
    expect(arxivKey('arxiv:2401.00001&max_results=1')).toBeNull();
    expect(utcDay(Date.parse('2026-10-01T23:30:00-05:00'))).toBe('2026-10-02');
  });
});
