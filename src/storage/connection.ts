// The background's one connection to the database, opened when first needed and opened again once lost: a
// connection the browser closed, or that was closed for a newer version's upgrade, only fails every request.
import { openDatabase, type Database } from './reading-list';
import { DB_NAME } from './schema';

/** A lazy opener: every caller shares one connection; a failed open, or a lost connection, is opened by the next caller. */
export function databaseOpener(name = DB_NAME): () => Promise<Database> {
  let database: Promise<Database> | null = null;
  return () => {
    if (database) return database;
    const opening: Promise<Database> = openDatabase(name, () => {
      if (database === opening) database = null;
    }).catch((error) => {
      if (database === opening) database = null;
      throw error;
    });
    database = opening;
    return opening;
  };
}
