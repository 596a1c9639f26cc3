// What a reader types or pastes to name a paper (the popup's search box): an arXiv id, a DOI, or a paper's address,
// as the address "Save to reading list" on a link to it would read (background/save-link/targets.ts decides whether
// it names a paper).
import { doiAddress, isAclAnthologyId, isDoi, parseArxivId, webUrl, withoutTrailing } from './ids';

/** Longer text is no address a reader types (the background's limit on a tab's address). */
const MAX_TYPED = 4096;

/**
 * The address a typed paper reference stands for: `2401.12345v2`, `arXiv:hep-th/9901001` (arXiv's abstract page),
 * `10.1145/3580305.3599256`, `doi:10.1145/…` (doi.org), an ACL Anthology id (`2023.acl-long.1`, `P19-1001`: its
 * page), an http(s) address, or one without its scheme
 * (`arxiv.org/abs/…`, `openreview.net/forum?id=…`); null for anything else, such as words being searched for.
 */
export function typedAddress(text: string): string | null {
  const typed = text.trim();
  if (!typed || typed.length > MAX_TYPED || /\s/.test(typed)) return null;
  // Typed with caps lock on (`HTTPS://ARXIV.ORG/ABS/…`, `2401.12345V2`): no site's address nor arXiv id is all
  // capitals, and arXiv's paths and version letter are lowercase alone. (A DOI may be: it is read as typed.)
  const lower = /\p{Ll}/u.test(typed) ? typed : typed.toLowerCase();
  if (/^https?:\/\//i.test(typed)) return webUrl(lower)?.href ?? null;
  const arxiv = parseArxivId(lower.replace(/(\d)V(\d+)$/, '$1v$2')); // `arXiv:2401.12345V2`
  if (arxiv) return `https://arxiv.org/abs/${arxiv.id}${arxiv.version ? `v${arxiv.version}` : ''}`;
  const doi = typed.replace(/^doi:/i, '');
  if (isDoi(doi)) return doiAddress(doi); // an ACM pseudo-DOI's page at ACM: doi.org knows none
  // An ACL Anthology id, in either case: new-style ids are lowercase, old-style ones start with a capital.
  const acl = [typed.toLowerCase(), typed.toUpperCase()].find(isAclAnthologyId);
  if (acl) return `https://aclanthology.org/${acl}/`;
  // A host name (a dot, then letters) and a path: an address pasted without its scheme.
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S/i.test(typed)) return webUrl(`https://${lower}`)?.href ?? null;
  return null;
}

/** A pasted list's limit: longer lists are a file to import. */
export const MAX_PASTED = 500;

export interface PastedAddresses {
  /** Each address once, in the order pasted (at most MAX_PASTED). */
  addresses: string[];
  /** The pieces of text that name no paper (words around the ids, a malformed id), each once. */
  ignored: string[];
  /** More addresses than MAX_PASTED were pasted: the rest are left out. */
  truncated: boolean;
}

/**
 * The paper references in a pasted list: one per line, or separated by spaces, commas or semicolons, each as
 * typedAddress reads it, with the brackets, quotes and sentence punctuation around it dropped (`<https://…>`,
 * `(arXiv:2401.12345).`, `Is it 2401.12345?`), but not a ")" the id itself opened (`10.1061/(ASCE)…132:2(246)`).
 * A BibTeX entry's braces part its fields' values too (`eprint={1706.03762}`, `doi = {10.1145/…}`): no id or DOI
 * holds a brace, nor does an address unescaped.
 */
export function pastedAddresses(text: string): PastedAddresses {
  const addresses = new Set<string>();
  const ignored = new Set<string>();
  let truncated = false;
  for (const piece of text.split(/[\s,;{}]+/)) {
    const token = withoutTrailing(piece.replace(/^[<(\["'“‘]+/, ''), /[>\]"'”’.:?!]+$/);
    if (!token) continue;
    const address = typedAddress(token);
    if (!address) ignored.add(token);
    else if (addresses.size < MAX_PASTED) addresses.add(address);
    else if (!addresses.has(address)) truncated = true;
  }
  return { addresses: [...addresses], ignored: [...ignored], truncated };
}
