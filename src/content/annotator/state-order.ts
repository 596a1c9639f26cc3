// Which saved state of a paper is the newest, when answers come out of order: a lookup answered after the paper
// changed (a notice, a write's answer, the reader's click) was read before that change, and a notice or answer of this
// tab's earlier write comes while a later one is on its way. The annotator owns one and asks it before showing a state;
// it keeps only counts and tickets, no states and no cards.
import type { SavedState } from '../../storage/reading-list';

export class StateOrder {
  /**
   * States shown from anything but a lookup's answer (a notice, a write's answer, the reader's click), counted, and
   * each paper's last: a lookup answered after one of its papers changed so was read before it (or while the click's
   * write was on its way) and leaves that paper alone. The background restarted after losing a notice has every tab
   * re-read while writes commit, and each answer can arrive after the notice of a write it did not see.
   */
  private changes = 0;
  private readonly changedAt = new Map<string, number>();
  /**
   * This tab's own writes of a paper (saves, removals, statuses) not answered yet, by paper id: the newest one's ticket,
   * and whether a notice was held back meanwhile. Quick presses send writes one after another; the background does them
   * in order, but the notice or answer of an earlier one comes while a later one is on its way, and shown, it would make
   * the card show a state the reader already changed (and the next press go the wrong way). So while any is on its way,
   * a notice of the paper is held back and only the newest write's answer is shown; a notice held back that differs
   * from what the card shows once all are answered (another tab's change meanwhile) has the card read its state again.
   */
  private readonly writing = new Map<string, { open: number; latest: number; held: SavedState | null | undefined }>();
  private tickets = 0;

  /** The count of changes now: a lookup asked now keeps it, to be compared with (changedSince) when answered. */
  get count(): number {
    return this.changes;
  }

  /** Paper `id` is shown a state from anything but a lookup's answer. */
  changed(id: string): void {
    this.changedAt.set(id, ++this.changes);
  }

  /** Paper `id` changed after a lookup asked at `askedAt` (count): that answer is older than what it shows. */
  changedSince(id: string, askedAt: number): boolean {
    return this.changes > askedAt && (this.changedAt.get(id) ?? 0) > askedAt;
  }

  /** Whether a notice's state for this paper waits for this tab's writes of it to be answered (kept to compare then). */
  held(id: string, state: SavedState | null): boolean {
    const writes = this.writing.get(id);
    if (writes) writes.held = state;
    return writes !== undefined;
  }

  /** A write of this paper begins: its ticket. */
  beginWrite(id: string): number {
    const writes = this.writing.get(id) ?? { open: 0, latest: 0, held: undefined };
    writes.open += 1;
    writes.latest = ++this.tickets;
    this.writing.set(id, writes);
    return writes.latest;
  }

  isLatest(id: string, ticket: number): boolean {
    return this.writing.get(id)?.latest === ticket;
  }

  /**
   * A write of this paper is answered (or failed). Whether it was the last and a notice held back meanwhile differs
   * from what the cards show now (`shown`: another tab's write came in between): the paper's state is to be read again.
   */
  endWrite(id: string, shown: SavedState | null): boolean {
    const writes = this.writing.get(id);
    if (!writes || --writes.open > 0) return false;
    this.writing.delete(id);
    return writes.held !== undefined && !sameState(writes.held, shown);
  }
}

/** Whether two saved states show alike on a card. */
function sameState(a: SavedState | null, b: SavedState | null): boolean {
  if (!a || !b) return a === b;
  return a.status === b.status && a.savedAs === b.savedAs && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}
