// The one typed protocol between content scripts / popup and the background. Each request is validated
// against a valibot schema before the background acts on it; nothing else crosses.
import * as v from 'valibot';
import type { SavedPaper } from '../storage/schema';
import type { SavedState } from '../storage/reading-list';
import { READING_STATUSES } from '../storage/schema';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.nullable(text(max));
const httpUrl = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e12)));

export const PaperId = v.pipe(
  v.string(),
  v.maxLength(300),
  v.regex(/^[a-z][a-z0-9-]*:\S+$/, 'must be a canonical paper id like arxiv:2401.12345'),
);

export const PaperSchema = v.strictObject({
  id: PaperId,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
  authors: v.pipe(v.array(text(500)), v.maxLength(5000)),
  authorCount: count,
  abstract: optionalText(50_000),
  published: v.nullable(v.pipe(v.string(), v.isoDate())),
  upvotes: count,
  githubRepos: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/))), v.maxLength(20)),
  githubStars: count,
  projectUrl: v.nullable(httpUrl),
  pdfUrl: v.nullable(httpUrl),
  url: v.nullable(httpUrl),
  venue: optionalText(500),
  categories: v.pipe(v.array(text(200)), v.maxLength(200)),
  source: v.strictObject({ site: text(50), page: text(50) }),
});

export const TagSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40), v.regex(/^[\p{L}\p{N} ._-]+$/u, 'tags are letters, digits, space, ".", "_" and "-"'));
const StatusSchema = v.picklist(READING_STATUSES);

/** A whole reading-list record, as stored and as backed up. */
export const SavedPaperSchema = v.strictObject({
  id: PaperId,
  paper: PaperSchema,
  status: v.picklist(READING_STATUSES),
  tags: v.pipe(v.array(TagSchema), v.maxLength(100)),
  note: v.pipe(v.string(), v.maxLength(100_000)),
  savedFrom: v.pipe(v.string(), v.maxLength(2048)),
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** Request schemas by message name. */
export const requests = {
  lookup: v.strictObject({ ids: v.pipe(v.array(PaperId), v.maxLength(20_000)) }),
  edit: v.strictObject({
    id: PaperId,
    edit: v.strictObject({
      status: v.optional(StatusSchema),
      tags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(100))),
      /** Added to the stored tags inside the write: concurrent adds from two pages both land. */
      addTags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(100))),
      removeTags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(100))),
      note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
    }),
  }),
  save: v.strictObject({ paper: PaperSchema, savedFrom: httpUrl }),
  remove: v.strictObject({ id: PaperId }),
  list: v.strictObject({}),
  /** Put back a record exactly as it was (undo of a remove). */
  restore: v.strictObject({ record: SavedPaperSchema }),
  /** Write many records in one transaction: all or nothing (imports). */
  putMany: v.strictObject({ records: v.pipe(v.array(SavedPaperSchema), v.maxLength(100_000)) }),
  /** What tagging on pages needs from the settings (never the GitHub token). */
  tagSettings: v.strictObject({}),
  repo: v.strictObject({ name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must be owner/repo')) }),
  paperRepos: v.strictObject({ arxivId: v.pipe(v.string(), v.maxLength(40), v.regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'must be an arXiv id')) }),
} as const;

/** What a GitHub badge shows; the background's answer to `repo`. */
export interface RepoSummary {
  /** `owner/repo` as GitHub knows it now (renames followed). */
  name: string;
  stars: number | null;
  pushedAt: string | null;
  archived: boolean;
  notFound: boolean;
}

/** Response type by message name. */
export interface Responses {
  lookup: Record<string, SavedState | null>;
  edit: SavedPaper | null;
  save: SavedPaper;
  remove: SavedPaper | null;
  list: SavedPaper[];
  restore: SavedPaper;
  putMany: { written: number };
  repo: RepoSummary | null;
  paperRepos: string[];
  tagSettings: { watchedTopics: string[]; tagRules: { tag: string; match: string; fields: 'title' | 'abstract' | 'both' }[] };
}

export type MessageName = keyof typeof requests;
export type RequestOf<N extends MessageName> = v.InferOutput<(typeof requests)[N]>;

/** What crosses the wire: `{ type, payload }` in, `{ ok, value }` or `{ ok: false, error }` out. */
export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: RequestOf<N>;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

/** The background's broadcast when the list changes: sent to every tab and to open extension pages. */
export interface ChangedNotice {
  type: 'changed';
  id: string;
  /** null: no longer in the list. */
  state: SavedState | null;
}

/** Many records changed at once (an import): every context re-reads what it shows. */
export interface ReloadNotice {
  type: 'reload';
}
export const ReloadNoticeSchema = v.strictObject({ type: v.literal('reload') });
export type Notice = ChangedNotice | ReloadNotice;

export const ChangedNoticeSchema = v.strictObject({
  type: v.literal('changed'),
  id: PaperId,
  state: v.nullable(v.strictObject({ status: StatusSchema, tags: v.array(v.string()) })),
});

/** Validate an incoming envelope; throws a readable error naming the message and the first problem. */
export function parseEnvelope(message: unknown): Envelope {
  const head = v.safeParse(v.object({ type: v.picklist(Object.keys(requests) as MessageName[]) }), message);
  if (!head.success) throw new TypeError('Unknown message type');
  const type = head.output.type;
  const body = v.safeParse(requests[type], (message as { payload?: unknown }).payload);
  if (!body.success) {
    const issue = body.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new TypeError(`Invalid "${type}" message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'bad payload'}`);
  }
  return { type, payload: body.output } as Envelope;
}
