// One-line field values for the citation formats (BibTeX and RIS): no line breaks inside a field, no control
// characters. Its own module so that RIS export does not load the BibTeX plugin ./tex needs.

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Collapse white space (no line breaks inside fields) and drop control characters. */
export function flatten(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/gu, ' ').trim();
}
