/// <reference types="vite/client" />

/** crxjs: the output path of a content script built as a self-contained IIFE. */
declare module '*?iife' {
  const fileName: string;
  export default fileName;
}
