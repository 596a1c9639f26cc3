// Small display helpers for the popup. Links are only ever http(s): a stored `javascript:` URL stays text.

export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const SITE_NAMES: Record<string, string> = { huggingface: 'Hugging Face', arxiv: 'arXiv' };

export function siteLabel(site: string, savedFrom: string): string {
  return SITE_NAMES[site] ?? safeHttpUrl(savedFrom)?.replace(/^https?:\/\/(www\.)?([^/]+).*$/, '$2') ?? site;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400e3],
  ['month', 30 * 86400e3],
  ['week', 7 * 86400e3],
  ['day', 86400e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

/** "3 days ago", "just now". */
export function timeAgo(then: number, now: number): string {
  const elapsed = now - then;
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
