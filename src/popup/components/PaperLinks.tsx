import type { Paper } from '../../core/paper';
import { safeHttpUrl } from '../../core/ids';
import { repoUrl } from '../format';

/** Open the paper, its PDF, its code, its project page: only the http(s) ones become links. */
export function PaperLinks({ paper, savedFrom }: { paper: Paper; savedFrom: string }) {
  const code = paper.githubRepos.map(repoUrl).find((url) => url !== null) ?? null;
  const links: [label: string, href: string | null][] = [
    ['Paper', safeHttpUrl(paper.url) ?? safeHttpUrl(savedFrom)],
    ['PDF', safeHttpUrl(paper.pdfUrl)],
    ['Code', code],
    ['Project page', safeHttpUrl(paper.projectUrl)],
  ];
  const shown = links.filter((link): link is [string, string] => link[1] !== null);
  if (shown.length === 0) return null;
  return (
    <nav class="links" aria-label={`Links for “${paper.title}”`}>
      {shown.map(([label, href]) => (
        <a key={label} href={href} target="_blank" rel="noreferrer">
          {label}
        </a>
      ))}
    </nav>
  );
}
