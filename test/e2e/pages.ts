// The two fixture pages most end-to-end tests browse, served on their real URLs (see browsers.ts).
import { readFileSync } from 'node:fs';
import { withStandInStyle, type Routes } from './browsers';
import { benchPage } from '../../bench/pages';

export const DAILY_URL = 'https://huggingface.co/papers/date/2026-07-02';
export const NEW_URL = 'https://arxiv.org/list/cs.LG/new';
/** A long Hugging Face listing (the benchmark's, built from the daily fixture's markup): 200 cards. */
export const LONG_PAGE = benchPage('huggingface', 200);
export const PAGES: Record<string, string> = {
  [DAILY_URL]: withStandInStyle(readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8')),
  [NEW_URL]: readFileSync('test/fixtures/arxiv/new-cs-lg.html', 'utf8'),
  [LONG_PAGE.url]: LONG_PAGE.html,
};
export const routes: Routes = (url) => (PAGES[url] ? { body: PAGES[url] } : undefined);
