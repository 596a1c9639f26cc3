import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the extension APIs syncSiteScripts uses: granted origins and registered scripts.
const state = vi.hoisted(() => ({ updates: 0, granted: new Set<string>(), registered: new Map<string, { matches: string[]; js: string[]; runAt?: string }>() }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({
        content_scripts: [
          { matches: ['https://huggingface.co/papers*', 'https://huggingface.co/collections/*'], js: ['src/content/entries/huggingface.js'] },
          { matches: ['https://huggingface.co/*'], exclude_globs: ['https://huggingface.co/*/*'], js: ['src/content/entries/huggingface.js'] },
        ],
      }),
    },
    // As the browsers compare patterns: a granted pattern holds the narrower ones on its host, never a wider one.
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => [...state.granted].some((g) => covers(g, o))) },
    scripting: {
      getRegisteredContentScripts: async () => [...state.registered].map(([id, { matches, runAt }]) => ({ id, matches, runAt })),
      registerContentScripts: async (scripts: { id: string; matches: string[]; js: string[]; runAt?: string }[]) => {
        for (const s of scripts) {
          if (state.registered.has(s.id)) throw new Error(`Duplicate script id ${s.id}`);
          state.registered.set(s.id, { matches: s.matches, js: s.js, runAt: s.runAt });
        }
      },
      updateContentScripts: async (scripts: { id: string; matches?: string[]; runAt?: string }[]) => {
        state.updates++;
        for (const s of scripts) {
          const current = state.registered.get(s.id);
          if (!current) throw new Error(`No script ${s.id}`);
          state.registered.set(s.id, { ...current, ...(s.matches && { matches: s.matches }), ...(s.runAt && { runAt: s.runAt }) });
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => state.registered.delete(id)),
    },
  },
}));

/** Whether match pattern `wide` matches every URL `narrow` does (same scheme and host; a path prefix ending in *). */
function covers(wide: string, narrow: string): boolean {
  if (wide === narrow) return true;
  const [w, n] = [/^(\w+:\/\/[^/]+)(\/.*)$/.exec(wide), /^(\w+:\/\/[^/]+)(\/.*)$/.exec(narrow)];
  return !!w && !!n && w[1] === n[1] && w[2]!.endsWith('*') && w[2]!.indexOf('*') === w[2]!.length - 1 && n[2]!.startsWith(w[2]!.slice(0, -1));
}

const { sites, syncSiteScripts } = await import('./site-scripts');
const FILES = Object.fromEntries(sites().map((s) => [s.id, `assets/${s.id}.iife.js`]));

beforeEach(() => {
  state.updates = 0;
  state.granted.clear();
  state.registered.clear();
});

describe('optional site scripts', () => {
  it('treats the manifest content-script sites as core and every other adapter as optional', () => {
    const all = sites();
    expect(all.find((s) => s.id === 'huggingface')?.optional).toBe(false);
    expect(all.filter((s) => s.optional).every((s) => s.id !== 'huggingface')).toBe(true);
  });

  it('registers the same content script for granted optional sites only, and unregisters on revoke', async () => {
    const optional = sites().filter((s) => s.optional);
    expect(optional.length).toBeGreaterThan(1);
    const [first, second] = optional;
    first!.matches.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    await syncSiteScripts(FILES); // idempotent
    expect([...state.registered.keys()]).toEqual([`site-${first!.id}`]);
    expect(state.registered.get(`site-${first!.id}`)).toEqual({ matches: first!.matches, js: [`assets/${first!.id}.iife.js`], runAt: 'document_start' });
    expect(state.registered.has(`site-${second!.id}`)).toBe(false);
    state.granted.clear();
    await syncSiteScripts(FILES);
    expect(state.registered.size).toBe(0);
  });

  it('moves a script an older version registered at document_idle to document_start, and leaves a current one alone', async () => {
    const [site] = sites().filter((s) => s.optional);
    site!.matches.forEach((m) => state.granted.add(m));
    state.registered.set(`site-${site!.id}`, { matches: site!.matches, js: [`assets/${site!.id}.iife.js`], runAt: 'document_idle' });
    await syncSiteScripts(FILES);
    expect(state.registered.get(`site-${site!.id}`)?.runAt).toBe('document_start');
    expect(state.updates).toBe(1);
    await syncSiteScripts(FILES);
    expect(state.updates).toBe(1);
  });

  it('registers a site for the patterns granted so far, and follows when more are granted or some withdrawn', async () => {
    const scholar = sites().find((s) => s.id === 'scholar')!;
    expect(scholar.optional).toBe(true);
    // Granted before the country domains were added: the script keeps running on scholar.google.com.
    const dotCom = scholar.matches.filter((m) => m.startsWith('https://scholar.google.com/'));
    expect(dotCom).toEqual(['https://scholar.google.com/scholar*', 'https://scholar.google.com/citations*']);
    dotCom.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')).toEqual({ matches: dotCom, js: ['assets/scholar.iife.js'], runAt: 'document_start' });
    scholar.matches.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')?.matches).toEqual(scholar.matches);
    dotCom.forEach((m) => state.granted.delete(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')?.matches).toEqual(scholar.matches.filter((m) => !dotCom.includes(m)));
  });

  it('a grant of the paths an earlier version asked for keeps the script there, until the whole site is granted', async () => {
    const openreview = sites().find((s) => s.id === 'openreview')!;
    expect(openreview.matches).toEqual(['https://openreview.net/*']);
    expect(openreview.former.length).toBeGreaterThan(0);
    // Granted before the update: the forum, group, submissions and search pages only.
    openreview.former.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-openreview')).toEqual({ matches: openreview.former, js: ['assets/openreview.iife.js'], runAt: 'document_start' });
    // The reader enables it again on the options page (the whole site): the script follows the whole site.
    state.granted.add('https://openreview.net/*');
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-openreview')?.matches).toEqual(['https://openreview.net/*']);
    // Withdrawn (the options page removes both): nothing runs.
    state.granted.clear();
    await syncSiteScripts(FILES);
    expect(state.registered.has('site-openreview')).toBe(false);
  });

  it('one path of an earlier grant is enough, and a site granted whole is never registered for its old paths too', async () => {
    const alphaxiv = sites().find((s) => s.id === 'alphaxiv')!;
    state.granted.add('https://www.alphaxiv.org/abs/*');
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-alphaxiv')?.matches).toEqual(['https://www.alphaxiv.org/abs/*']);
    alphaxiv.matches.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-alphaxiv')?.matches).toEqual(alphaxiv.matches);
  });
});
