// Text on the extension's own pages is readable in both colour schemes: the muted and error text (and the body's)
// reach WCAG AA's 4.5:1 over the page's background, in light and in dark mode (color-scheme: light dark). A rule
// left at a light-mode colour on the dark canvas fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Scheme = 'light' | 'dark';
type Rules = Map<string, Map<string, string>>; // selector → property → value

/** Top-level rules and those inside `@media (prefers-color-scheme: dark)`, of a plain stylesheet (no nesting). */
function parse(css: string): Record<Scheme, Rules> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Record<Scheme, Rules> = { light: new Map(), dark: new Map() };
  const add = (rules: Rules, selectors: string, body: string) => {
    for (const selector of selectors.split(',').map((s) => s.trim())) {
      const decls = rules.get(selector) ?? new Map<string, string>();
      for (const decl of body.split(';')) {
        const at = decl.indexOf(':');
        if (at > 0) decls.set(decl.slice(0, at).trim(), decl.slice(at + 1).trim());
      }
      rules.set(selector, decls);
    }
  };
  const block = /(@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\})|([^{}@]+)\{([^{}]*)\}/g;
  for (const match of text.matchAll(block)) {
    if (match[1]) {
      if (!/prefers-color-scheme:\s*dark/.test(match[1])) continue;
      const inner = match[1].slice(match[1].indexOf('{') + 1, -1);
      for (const rule of inner.matchAll(/([^{}]+)\{([^{}]*)\}/g)) add(out.dark, rule[1]!, rule[2]!);
    } else add(out.light, match[2]!, match[3]!);
  }
  return out;
}

/** The value of a property for a selector in a scheme: the dark rules over the light ones, var() resolved. */
function value(sheet: Record<Scheme, Rules>, scheme: Scheme, selector: string, property: string): string | undefined {
  const get = (sel: string, prop: string) => (scheme === 'dark' ? sheet.dark.get(sel)?.get(prop) : undefined) ?? sheet.light.get(sel)?.get(prop);
  const raw = get(selector, property);
  return raw?.replace(/var\((--[\w-]+)\)/g, (_, name: string) => get(':root', name) ?? 'unresolved');
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// The canvas a page without a background of its own gets (Chromium's dark canvas is #121212).
const CANVAS: Record<Scheme, string> = { light: '#ffffff', dark: '#121212' };
const TEXT: Record<Scheme, string> = { light: '#000000', dark: '#ffffff' };

describe.each(['src/popup/popup.css', 'src/library/library.css', 'src/options/options.css'])('%s', (file) => {
  const sheet = parse(readFileSync(file, 'utf8'));
  it.each(['light', 'dark'] as const)('is readable in %s mode', (scheme) => {
    const page = value(sheet, scheme, 'body', 'background') ?? CANVAS[scheme];
    // The page, and the soft grey of an open item, a table's header or the bulk bar (where muted and error text go too).
    const soft = sheet.light.get(':root')?.has('--bg-soft') ? value(sheet, scheme, ':root', '--bg-soft') : undefined;
    const body = value(sheet, scheme, 'body', 'color') ?? TEXT[scheme];
    const found = Object.fromEntries(
      ['.muted', '.error'].map((selector) => [selector, value(sheet, scheme, selector, 'color') ?? body] as const),
    );
    for (const background of soft ? [page, soft] : [page]) {
      expect(background, `a background in ${scheme} mode`).toMatch(/^#[0-9a-f]{3,6}$/i);
      for (const [selector, color] of Object.entries({ body, ...found })) {
        expect(color, `${selector} in ${scheme} mode`).toMatch(/^#[0-9a-f]{3,6}$/i);
        expect(contrast(color, background), `${selector} (${color}) over ${background} in ${scheme} mode`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
