// Page text (a title, a name, a tag) quoted inside a sentence of ours is isolated from it, as `<bdi>` does: an Arabic
// or Hebrew title in "Removed “…”." otherwise takes the sentence's neighbouring quotes, commas and numbers into its own
// right-to-left order ("“…”: 2 copies" read as "“2 :”…" copies; a list of names came out in the wrong order).
// Messages stay strings (state keeps them, tests and live regions read them): the quoted text is marked with Unicode's
// own isolates, first-strong isolate … pop directional isolate, and `<Isolated>` shows each marked stretch as a `<bdi>`.

const FSI = '\u2068';
const PDI = '\u2069';
const MARKS = /[\u2066-\u2069]/g;

/** `text` in quotes, marked to be shown isolated (its own marks, if a page had any, dropped so none nests wrongly). */
export function quoted(text: string): string {
  return `“${FSI}${text.replace(MARKS, '')}${PDI}”`;
}

/** A message cut into its own words and the stretches `quoted` marked, in order, without the marks. */
export function isolatedParts(message: string): { text: string; isolated: boolean }[] {
  const parts: { text: string; isolated: boolean }[] = [];
  for (const [i, piece] of message.split(new RegExp(`${FSI}([^${PDI}]*)${PDI}`)).entries()) {
    if (piece) parts.push({ text: piece, isolated: i % 2 === 1 });
  }
  return parts;
}
