import { describe, expect, it } from 'vitest';
import { decodeImportBytes } from './decode';
import { parseImport } from './import';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf16 = (text: string, endian: 'le' | 'be') => {
  const bytes = [endian === 'le' ? 0xff : 0xfe, endian === 'le' ? 0xfe : 0xff];
  for (const c of text) {
    const code = c.charCodeAt(0);
    bytes.push(...(endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(bytes);
};
const bib = '@article{mueller2020, title={{\\"U}ber Caf\u00e9s}, author={M\u00fcller, J\u00f6rg and Gar\u00e7on, \u00c9lise}, year={2020}}\n';

describe('decodeImportBytes: the encodings reference files come in', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    const utf8 = new TextEncoder().encode(bib);
    expect(decodeImportBytes(utf8)).toBe(bib);
    expect(decodeImportBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(bib);
  });

  it('reads a Latin-1 / Windows-1252 BibTeX file (older JabRef, Windows editors) as its letters, not U+FFFD', async () => {
    const text = decodeImportBytes(latin1(bib));
    expect(text).toBe(bib);
    const parsed = await parseImport(text, 'old.bib');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records[0]?.paper.authors).toEqual(['Jörg Müller', 'Élise Garçon']);
    expect(parsed.records[0]?.paper.title).toBe('Über Cafés');
  });

  it('reads UTF-16 by its byte order mark, little- and big-endian (a file the import refused as "not a text file")', async () => {
    for (const endian of ['le', 'be'] as const) {
      const text = decodeImportBytes(utf16(bib, endian));
      expect(text).toBe(bib);
      const parsed = await parseImport(text, 'windows.bib');
      expect(parsed.ok && parsed.records[0]?.paper.authors).toEqual(['Jörg Müller', 'Élise Garçon']);
    }
  });

  it('keeps a UTF-8 file with one damaged byte UTF-8: only that byte is lost, not every accent', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Müller and '), 0xff, ...new TextEncoder().encode(' Øresund')]);
    expect(decodeImportBytes(bytes)).toBe('Müller and \uFFFD Øresund');
  });

  it('a binary file is still refused as one', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    const parsed = await parseImport(decodeImportBytes(png), 'picture.bib');
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^This is not a text file/) });
  });
});
