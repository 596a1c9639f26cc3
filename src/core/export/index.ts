// Export and import of the reading list: the module the library page loads on demand (dynamic import).
// citation-js (BibTeX, RIS) is a further dynamic import inside, loaded only for those formats.
export { exportPapers, EXPORT_FORMATS, BACKUP_FORMAT, BACKUP_VERSION, markdownLine, markdownText, csvCell, CSV_COLUMNS } from './formats';
export type { ExportFormat, ExportOptions, ExportResult, Backup } from './formats';
export { parseImport, mergeImport, mergeImportAsync, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS } from './import';
export type { ImportFormat, ImportParseResult, ImportSkip, MergeResult, MergeSummary } from './import';
export { toCsl, fromCsl } from './csl';
export type { CslItem, CslName, CslDate } from './csl';
export { abortError, isAbortError } from './progress';
export type { LongWork } from './progress';
