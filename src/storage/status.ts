// Reading statuses alone, so code that only needs them (content scripts, the protocol, the popup) does not
// bundle schema.ts and, through its migrations, the relevance tokenizer.
export type ReadingStatus = 'to-read' | 'reading' | 'done';
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'done'];
