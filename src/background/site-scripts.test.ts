import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the extension APIs syncSiteScripts uses: granted origins and registered scripts.
const state = vi.hoisted(() => ({ granted: new Set<string>(), registered: new Map<string, { matches: string[]; js: string[] }>() }));
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
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)) },
    scripting: {
      getRegisteredContentScripts: async () => [...state.registered].map(([id, { matches }]) => ({ id, matches })),
      registerContentScripts: async (scripts: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of scripts) {
          if (state.registered.has(s.id)) throw new Error(`Duplicate script id ${s.id}`);
          state.registered.set(s.id, { matches: s.matches, js: s.js });
        }
      },
      updateContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
        for (const s of scripts) {
          const current = state.registered.get(s.id);
          if (!current) throw new Error(`No script ${s.id}`);
          state.registered.set(s.id, { ...current, matches: s.matches });
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => state.registered.delete(id)),
    },
  },
}));

const { sites, syncSiteScripts } = await import('./site-scripts');
const FILES = Object.fromEntries(sites().map((s) => [s.id, `assets/${s.id}.iife.js`]));

beforeEach(() => {
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
    expect(state.registered.get(`site-${first!.id}`)).toEqual({ matches: first!.matches, js: [`assets/${first!.id}.iife.js`] });
    expect(state.registered.has(`site-${second!.id}`)).toBe(false);
    state.granted.clear();
    await syncSiteScripts(FILES);
    expect(state.registered.size).toBe(0);
  });

  it('registers a site for the patterns granted so far, and follows when more are granted or some withdrawn', async () => {
    const scholar = sites().find((s) => s.id === 'scholar')!;
    expect(scholar.optional).toBe(true);
    // Granted before the country domains were added: the script keeps running on scholar.google.com.
    const dotCom = scholar.matches.filter((m) => m.startsWith('https://scholar.google.com/'));
    expect(dotCom).toEqual(['https://scholar.google.com/scholar*', 'https://scholar.google.com/citations*']);
    dotCom.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')).toEqual({ matches: dotCom, js: ['assets/scholar.iife.js'] });
    scholar.matches.forEach((m) => state.granted.add(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')?.matches).toEqual(scholar.matches);
    dotCom.forEach((m) => state.granted.delete(m));
    await syncSiteScripts(FILES);
    expect(state.registered.get('site-scholar')?.matches).toEqual(scholar.matches.filter((m) => !dotCom.includes(m)));
  });
});
