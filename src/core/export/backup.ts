// The JSON backup's envelope: `{ "format": "papershelf-backup", "version": 1, "exportedAt": ISO, "papers": [...] }`.
import type { SavedPaper } from '../../storage/schema';

export const BACKUP_FORMAT = 'papershelf-backup';
/**
 * Bump when a field changes meaning or is added; import refuses backups newer than it understands. 2: papers have
 * `version` and `doi` (version-1 backups, without them, import with both unknown).
 */
export const BACKUP_VERSION = 2;

/** Everything in the reading list (papers, notes, tags, statuses, dates), re-importable without loss. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  papers: SavedPaper[];
}
