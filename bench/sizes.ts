// Sizes of what the browser loads, read from the build: each content script the manifest declares (and the
// optional sites' scripts), and the popup's JavaScript: the scripts its HTML loads plus everything they import
// statically. Chunks reached only through dynamic import() are loaded on demand and are listed apart.
// gzip at level 9 (node:zlib), as a store or CDN would serve it.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface Sizes {
  /** Content scripts of the manifest's content_scripts (core sites), by file. */
  contentScripts: FileSize[];
  /** Optional sites' content scripts (registered at runtime once the user grants the site). */
  optionalContentScripts: FileSize[];
  popup: { total: FileSize; files: FileSize[]; dynamic: FileSize[]; css: FileSize[] };
}

function size(root: string, file: string): FileSize {
  const data = readFileSync(join(root, file));
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** Relative module specifiers in a built ES module: static `import ... from`, `export ... from`, bare `import "x"`, and `import("x")`. */
export function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const q = `["'\`]`;
  const staticRe = new RegExp(String.raw`(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?${q}(\.{1,2}/[^"'\`]+)${q}`, 'g');
  const dynamicRe = new RegExp(String.raw`\bimport\(\s*${q}(\.{1,2}/[^"'\`]+)${q}\s*\)`, 'g');
  return {
    static: [...code.matchAll(staticRe)].map((m) => m[1]!),
    dynamic: [...code.matchAll(dynamicRe)].map((m) => m[1]!),
  };
}

/** The popup's static module graph from its HTML, and the chunks only its dynamic imports reach. */
function popupGraph(root: string, html: string): { files: string[]; dynamic: string[]; css: string[] } {
  const page = readFileSync(join(root, html), 'utf8');
  const resolveFrom = (from: string, spec: string) => posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(from), spec));
  const entries = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => resolveFrom(html, m[1]!));
  const preloads = [...page.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => resolveFrom(html, m[1]!));
  const css = [...page.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => resolveFrom(html, m[1]!));
  const seen = new Set<string>();
  const dynamicSeeds: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const found = importsOf(readFileSync(join(root, file), 'utf8'));
    for (const spec of found.static) visit(resolveFrom(file, spec));
    for (const spec of found.dynamic) dynamicSeeds.push(resolveFrom(file, spec));
  };
  [...entries, ...preloads].forEach(visit);
  const dynamic = new Set<string>();
  const visitDynamic = (file: string) => {
    if (seen.has(file) || dynamic.has(file)) return;
    dynamic.add(file);
    const found = importsOf(readFileSync(join(root, file), 'utf8'));
    for (const spec of [...found.static, ...found.dynamic]) visitDynamic(resolveFrom(file, spec));
  };
  dynamicSeeds.forEach(visitDynamic);
  return { files: [...seen], dynamic: [...dynamic], css };
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path, base) : [path.slice(base.length + 1)];
  });
}

export function measureSizes(root: string): Sizes {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
    action?: { default_popup?: string };
  };
  const declared = [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.js ?? []))];
  // Optional sites' scripts are self-contained files built next to the declared ones (src/content/entries/).
  const entryDirs = new Set(declared.map((f) => dirname(f)));
  const optional = walk(root)
    .filter((f) => f.endsWith('.js') && entryDirs.has(dirname(f)) && !declared.includes(f))
    .sort();
  const popupHtml = manifest.action?.default_popup ?? 'src/popup/index.html';
  const graph = popupGraph(root, popupHtml);
  const files = graph.files.map((f) => size(root, f));
  return {
    contentScripts: declared.map((f) => size(root, f)),
    optionalContentScripts: optional.map((f) => size(root, f)),
    popup: {
      total: { file: `${popupHtml} (static JS graph)`, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) },
      files,
      dynamic: graph.dynamic.map((f) => size(root, f)),
      css: graph.css.map((f) => size(root, f)),
    },
  };
}
