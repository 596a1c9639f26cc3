// The export/import code (src/core/export) is large, so the library page loads it only when the user exports
// or imports; tests pass a fake with the same signatures.
import type { ExportFormat } from '../core/export/index';

export type { ExportFormat, ImportSkip, MergeSummary } from '../core/export/index';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib)',
  ris: 'RIS (.ris)',
  'csl-json': 'CSL-JSON (Zotero, Pandoc)',
  markdown: 'Markdown list',
  'markdown-notes': 'Markdown with notes (a section a paper)',
  csv: 'CSV (spreadsheet)',
  json: 'Papershelf backup (JSON)',
};

/** What the page uses of src/core/export (type-only: the code itself is loaded on demand). */
export type ExportModule = Pick<typeof import('../core/export/index'), 'exportPapers' | 'parseImport' | 'mergeImportAsync'>;
export type LoadExportModule = () => Promise<ExportModule>;

export const loadExportModule: LoadExportModule = () => import('../core/export/index');

/** Cancellation surfaces as a DOMException named AbortError. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
