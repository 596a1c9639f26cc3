// Unsaved note text, written synchronously on every keystroke: a popup can be closed (or killed) before the
// debounced save reaches the background, and the next open puts the draft back.
export interface NoteDraft {
  note: string;
  /** Epoch ms of the keystroke. */
  at: number;
  /**
   * The stored note it was typed over. While the record still holds that note, the draft is the newer note, however
   * recently the record's other fields changed (a status set on a card); without it, a draft older than the record
   * is taken as stale.
   */
  base?: string;
}

export interface DraftStore {
  put(id: string, draft: NoteDraft): void;
  /** Delete the draft of this paper only while its text is `note` (a save that ends must not take a newer one). */
  deleteIf(id: string, note: string): void;
  delete(id: string): void;
  all(): Map<string, NoteDraft>;
}

const PREFIX = 'papershelf:note-draft:';

/** Drafts in the extension origin's localStorage (synchronous, so it survives an abrupt close). */
export function localDraftStore(storage: Storage | undefined = globalThis.localStorage): DraftStore {
  const safe = <T>(fn: () => T, fallback: T): T => {
    try {
      return storage ? fn() : fallback;
    } catch {
      return fallback; // quota or a storage disabled by policy: the debounced save still runs
    }
  };
  return {
    put: (id, draft) => safe(() => storage!.setItem(PREFIX + id, JSON.stringify(draft)), undefined),
    deleteIf: (id, note) =>
      safe(() => {
        const found = JSON.parse(storage!.getItem(PREFIX + id) ?? 'null') as Partial<NoteDraft> | null;
        if (found?.note === note) storage!.removeItem(PREFIX + id);
      }, undefined),
    delete: (id) => safe(() => storage!.removeItem(PREFIX + id), undefined),
    all: () =>
      safe(() => {
        const drafts = new Map<string, NoteDraft>();
        for (let i = 0; i < storage!.length; i++) {
          const key = storage!.key(i);
          if (!key?.startsWith(PREFIX)) continue;
          const value = JSON.parse(storage!.getItem(key) ?? 'null') as Partial<NoteDraft> | null;
          if (typeof value?.note === 'string' && typeof value.at === 'number') {
            drafts.set(key.slice(PREFIX.length), { note: value.note, at: value.at, ...(typeof value.base === 'string' ? { base: value.base } : {}) });
          }
        }
        return drafts;
      }, new Map()),
  };
}

export function memoryDraftStore(): DraftStore & { drafts: Map<string, NoteDraft> } {
  const drafts = new Map<string, NoteDraft>();
  return {
    drafts,
    put: (id, draft) => void drafts.set(id, draft),
    deleteIf: (id, note) => void (drafts.get(id)?.note === note && drafts.delete(id)),
    delete: (id) => void drafts.delete(id),
    all: () => new Map(drafts),
  };
}
