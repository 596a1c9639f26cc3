// What the background does for each message: storage calls plus the change broadcast. Pure of extension
// APIs (they come in through `deps`), so tests drive it with fake-indexeddb and a recorded broadcast.
import type { Envelope, Responses, ChangedNotice, MessageName } from './messages';
import { listPapers, removePaper, savePaper, statusesOf, type Database } from '../storage/reading-list';

export interface HandlerDeps {
  db: () => Promise<Database>;
  broadcast: (notice: ChangedNotice) => void;
}

export async function handle(message: Envelope, deps: HandlerDeps): Promise<Responses[MessageName]> {
  const db = await deps.db();
  switch (message.type) {
    case 'statuses': {
      const { ids } = message.payload as Envelope<'statuses'>['payload'];
      return statusesOf(db, ids);
    }
    case 'save': {
      const { paper, savedFrom } = message.payload as Envelope<'save'>['payload'];
      const record = await savePaper(db, paper, { savedFrom });
      deps.broadcast({ type: 'changed', id: record.id, status: record.status });
      return record;
    }
    case 'remove': {
      const { id } = message.payload as Envelope<'remove'>['payload'];
      const removed = await removePaper(db, id);
      if (removed) deps.broadcast({ type: 'changed', id, status: null });
      return removed;
    }
    case 'list':
      return listPapers(db);
  }
}
