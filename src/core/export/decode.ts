// An import file's bytes as text. Blob.text() reads every file as UTF-8, but reference files come in other encodings:
// a .bib from older JabRef or a Windows editor is Latin-1 / Windows-1252 (each "ü" a byte UTF-8 cannot read, which
// became U+FFFD: "M�ller", imported as that), and Windows tools write UTF-16 with a byte order mark (every ASCII
// character then had a NUL beside it, and the file was refused as "not a text file").

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * The text of an import file: UTF-16 by its byte order mark, else UTF-8; a file that is not UTF-8 and holds no
 * character UTF-8 could read beyond ASCII is Windows-1252 (Latin-1's superset, as browsers read "ISO-8859-1"). A
 * UTF-8 file with a damaged byte stays UTF-8 (only that byte is lost), and a binary file still reads as one.
 */
export function decodeImportBytes(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, UTF16BE_BOM)) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8 throughout
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  // Any well-formed character beyond ASCII says the file is UTF-8 (with damage); none says it is a single-byte encoding.
  if (/[^\u0000-\u007F\uFFFD]/.test(text)) return text;
  return new TextDecoder('windows-1252').decode(bytes);
}
