// The JSON backup's envelope: `{ "format": "papershelf-backup", "version": 1, "exportedAt": ISO, "papers": [...] }`.
import type { SavedPaper } from '../../storage/schema';
import type { BackupSettings } from './settings';

export const BACKUP_FORMAT = 'papershelf-backup';
/**
 * Bump when a field changes meaning or is added; import refuses backups newer than it understands. 2: papers have
 * `version` and `doi` (version-1 backups, without them, import with both unknown). 3: records may have `statusAt`
 * (older backups import with it unknown; an older build refuses a version-3 file whole, rather than each record). 4: papers may
 * have `authorsCut` (a list cut with its count unknown; older backups import without it: an older build, whose paper check
 * takes no unknown field, would otherwise skip each such paper one by one). 5: papers may have `githubStarsAt` (when their
 * star count was read; older backups import without it, for the same reason). A top-level field an older build
 * may skip without losing anything of the papers (`notDuplicates`, `settings`) does not bump it: a whole backup refused for it
 * would lose more than the field.
 */
export const BACKUP_VERSION = 5;

/** Everything in the reading list (papers, notes, tags, statuses, dates), re-importable without loss. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  papers: SavedPaper[];
  /**
   * The groups of possible duplicates the reader said are different papers ("Not the same paper" on the library
   * page): each its ids, sorted. Only groups whose every paper is in `papers`; absent when there are none.
   */
  notDuplicates?: string[][];
  /** The reader's settings but the GitHub token (./settings.ts), in a backup of the whole list that asked for them. */
  settings?: BackupSettings;
}
