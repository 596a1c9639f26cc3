// Just the part of citation-js (untyped JavaScript) that src/core/export uses.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Run one registered parser (`@bibtex/text`, `@ris/file`, ...) on its input: no type sniffing, no fetching. */
      data(input: unknown, type: string): unknown;
    };
    output: {
      format(name: string, data: unknown, options?: Record<string, unknown>): unknown;
    };
    config: {
      get(ref: string): unknown;
    };
  };
}

declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-ris' {}
