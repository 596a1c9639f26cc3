// How much one import may bring: shared by the parser and the library page, which refuses a larger file by its size
// before reading it (a 3 GB file picked by mistake is never read into the page).

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;

export const TOO_LARGE = `The file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit`;
