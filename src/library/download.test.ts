import { describe, expect, it } from 'vitest';
import { safeFilename } from './download';

describe('safeFilename', () => {
  it('keeps a plain file name and strips folders and odd characters', () => {
    expect(safeFilename('papershelf-2026-07-01.bib')).toBe('papershelf-2026-07-01.bib');
    expect(safeFilename('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(safeFilename('a\u0000b:c?.csv')).toBe('a-b-c-.csv');
    expect(safeFilename('')).toBe('papershelf-export.txt');
  });
});
