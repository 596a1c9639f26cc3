import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the extension APIs syncSiteScripts uses: granted origins and registered scripts.
const state = vi.hoisted(() => ({ granted: new Set<string>(), registered: new Map<string, { matches: string[]; js: string[] }>() }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({
        content_scripts: [{ matches: ['https://huggingface.co/papers*'], js: ['src/content/entries/huggingface.js'] }],
      }),
    },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)) },
    scripting: {
      getRegisteredContentScripts: async () => [...state.registered.keys()].map((id) => ({ id })),
      registerContentScripts: async (scripts: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of scripts) {
          if (state.registered.has(s.id)) throw new Error(`Duplicate script id ${s.id}`);
          state.registered.set(s.id, { matches: s.matches, js: s.js });
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
});
