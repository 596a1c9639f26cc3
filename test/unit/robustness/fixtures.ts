// Every adapter fixture and the live URL it stands for (from the "Live pages/URLs" comment at the end of each
// adapter and the URLs its own tests load the fixture with). A fixture missing here fails the fuzz test, so a
// new fixture is never silently left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_ROOT = join(import.meta.dirname, '../../fixtures');

const S2 = 'https://www.semanticscholar.org';
const CVF = 'https://openaccess.thecvf.com';
const NIPS = 'https://proceedings.neurips.cc/paper_files/paper';

export const FIXTURE_URLS: Record<string, Record<string, string>> = {
  huggingface: {
    'daily-2026-07-02.html': 'https://huggingface.co/papers/date/2026-07-02',
    'paper-2509.24002.html': 'https://huggingface.co/papers/2509.24002',
    'daily-stale-json.html': 'https://huggingface.co/papers/week/2026-W27',
    'search.html': 'https://huggingface.co/papers?q=diffusion',
    'empty.html': 'https://huggingface.co/papers/date/2026-07-04',
    'malformed.html': 'https://huggingface.co/papers/date/2026-07-02',
    'collection.html': 'https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd',
    'collection-empty.html': 'https://huggingface.co/collections/example-user/empty-6600aaaa0123456789abcdef',
    'org-example-org.html': 'https://huggingface.co/example-org',
  },
  arxiv: {
    'list-cs-2301.html': 'https://arxiv.org/list/cs/2301?show=3',
    'list-empty.html': 'https://arxiv.org/list/cs/9101',
    'new-cs-lg.html': 'https://arxiv.org/list/cs.LG/new',
    'catchup-cs-lg.html': 'https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True',
    'author-okafor_m_1.html': 'https://arxiv.org/a/okafor_m_1',
    'search.html': 'https://arxiv.org/search/?query=sparse+attention&searchtype=all',
    'abs-2609.22268.html': 'https://arxiv.org/abs/2609.22268',
    'abs-1902.02534-head-only.html': 'https://arxiv.org/abs/1902.02534',
    'malformed.html': 'https://arxiv.org/list/cs.LG/recent',
    'mathjax-rendered.html': 'https://arxiv.org/list/cs.LG/new',
  },
  alphaxiv: {
    'abs-2406.01234.html': 'https://www.alphaxiv.org/abs/2406.01234v2',
    'overview-shell.html': 'https://alphaxiv.org/overview/2406.01234',
    'malformed.html': 'https://www.alphaxiv.org/overview/2312.00752v1',
    'empty.html': 'https://www.alphaxiv.org/abs/2401.99999',
  },
  openreview: {
    'group-iclr-2024.html': 'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'forum-Xk9pQ2vN7a.html': 'https://openreview.net/forum?id=Xk9pQ2vN7a',
    'search-diffusion.html': 'https://openreview.net/search?term=diffusion&group=all&content=all&source=all',
    'empty.html': 'https://openreview.net/search?term=zzqxj&group=all&content=all&source=all',
    'malformed.html': 'https://openreview.net/search?term=graph&group=all&content=all&source=all',
  },
  semanticscholar: {
    'search.html': `${S2}/search?q=attention`,
    'search-2022.html': `${S2}/search?q=adam`,
    'search-venues.html': `${S2}/search?q=exploration`,
    'search-unknown-markup.html': `${S2}/search?q=generative`,
    'paper.html': `${S2}/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776`,
    'paper-jsonld-only.html': `${S2}/paper/54e325aee6b2d476bbbb88615ac15e251c6e8214`,
    'author.html': `${S2}/author/Geoffrey-E.-Hinton/1695689`,
    'search-empty.html': `${S2}/search?q=xqzvwkjh%20flurbo`,
    'malformed.html': `${S2}/search?q=broken`,
  },
  scholar: {
    'search-2026.html': 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=microwave+dielectric+properties+biomass',
    'search-2016.html': 'https://scholar.google.com/scholar?q=%22Learning+deep+architectures+for+AI%22',
    'search-2016-citation.html': 'https://scholar.google.com/scholar?q=%22Unsupervised+feature+learning+and+deep+learning%22',
    'search-variants.html': 'https://scholar.google.com/scholar?q=attention+is+all+you+need',
    'search-venues.html': 'https://scholar.google.com/scholar?q=exploration',
    'search-empty.html': 'https://scholar.google.com/scholar?q=xqzvwkjh+flurbo',
    'search-malformed.html': 'https://scholar.google.com/scholar?q=malformed',
    'profile-2020.html': 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en',
    'profile-show-more-rows.html': 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en',
    'profile-empty.html': 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en',
    'profile-malformed.html': 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en',
  },
  aclanthology: {
    'author-andreas-madsack.html': 'https://aclanthology.org/people/andreas-madsack/unverified/',
    'volume-2023.acl-long.html': 'https://aclanthology.org/volumes/2023.acl-long/',
    'event-acl-2023.html': 'https://aclanthology.org/events/acl-2023/',
    'paper-2023.acl-long.1.html': 'https://aclanthology.org/2023.acl-long.1/',
    'empty.html': 'https://aclanthology.org/people/nobody-at-all/',
    'malformed.html': 'https://aclanthology.org/people/x-y/unverified/',
  },
  pmlr: {
    'volume-v202.html': 'https://proceedings.mlr.press/v202/',
    'paper-v202-exemplo23a.html': 'https://proceedings.mlr.press/v202/exemplo23a.html',
    'empty.html': 'https://proceedings.mlr.press/v999/',
    'malformed.html': 'https://proceedings.mlr.press/v1/',
  },
  neurips: {
    'year-2023.html': `${NIPS}/2023`,
    'year-2025.html': `${NIPS}/2025`,
    'paper-2023-layout.html': `${NIPS}/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html`,
    'paper-2026-layout.html':
      'https://papers.nips.cc/paper_files/paper/2025/hash/00112233445566778899aabbccddeeff-Abstract-Datasets_and_Benchmarks_Track.html',
    'empty.html': `${NIPS}/2026`,
    'malformed.html': 'https://papers.nips.cc/paper_files/paper/2021',
  },
  cvf: {
    'list-cvpr2024-day.html': `${CVF}/CVPR2024?day=2024-06-19`,
    'paper-cvpr2024.html': `${CVF}/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html`,
    'paper-iccv2019-no-meta.html': `${CVF}/content_ICCV_2019/html/Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.html`,
    'empty.html': `${CVF}/CVPR2024`,
    'malformed.html': `${CVF}/WACV2024`,
  },
  dblp: {
    'person-vaswani.html': 'https://dblp.org/pid/v/AshishVaswani.html',
    'person-venues.html': 'https://dblp.org/pid/00/1234.html',
    'toc-nips2017.html': 'https://dblp.org/db/conf/nips/nips2017.html',
    'search-attention.html': 'https://dblp.org/search?q=attention+is+all',
    'empty.html': 'https://dblp.org/pid/00/0000.html',
    'malformed.html': 'https://dblp.org/db/journals/x/x1.html',
  },
};

export interface Fixture {
  site: string;
  name: string;
  url: string | undefined;
  html: string;
}

/** Every `.html` fixture of an adapter, with its URL from the table (undefined when the table lacks it). */
export function fixturesOf(site: string): Fixture[] {
  const dir = join(FIXTURE_ROOT, site);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ site, name, url: FIXTURE_URLS[site]?.[name], html: readFileSync(join(dir, name), 'utf8') }));
}
