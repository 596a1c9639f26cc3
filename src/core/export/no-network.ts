// What the extension's build puts in place of citation-js's HTTP clients (`sync-fetch`, `node-fetch`; see
// vite.config.ts). Papershelf reads and writes BibTeX and RIS with citation-js's parsers and formatters only, never
// its URL or DOI inputs, so nothing in the extension needs them; without them no file a user imports, and no future
// call path, can make citation-js issue a request (sync-fetch's browser build is a synchronous XMLHttpRequest).
// Unit tests run citation-js in Node with the real modules; scripts/build.mjs checks that no built script holds an
// XMLHttpRequest.

export const NO_NETWORK = 'Papershelf: citation-js may not fetch anything in the extension';

function refuse(): never {
  throw new Error(NO_NETWORK);
}

/** citation-js reads `Headers` from both modules (instanceof checks) only when it builds a request. */
export class Headers {
  constructor() {
    refuse();
  }
}

/** sync-fetch's default export: a function carrying `Headers`; node-fetch's: the fetch function. */
const fetchRefused = Object.assign((..._args: unknown[]): never => refuse(), { Headers });
export default fetchRefused;
