// Duplicates merged from the library: stop 37's build saved a CVPR paper from its CVF page as `cvf:…` and again from dblp
// by its IEEE DOI as `doi:…`, two records that named nothing of each other. The library offers them as duplicates;
// merged, the popup lists one paper, and the CVF page, whose card names the other id, shows it saved as the merged
// record, in a tab open meanwhile (by the notices) and after a reload (by the aliases); undo brings both back. Firefox:
// the CVF page is an optional site, enabled on the options page, and only Firefox's permission prompt can be switched
// off for automation (aliases.e2e.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copiedBuilds, launchFirefox, putRecords, until, type Harness, type Tab } from './browsers';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const DIST = copiedBuilds('merge-duplicates', ['firefox']);
const OKAFOR = 'Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024';
const CVF_URL = `https://openaccess.thecvf.com/content/CVPR2024/html/${OKAFOR}_paper.html`;
const CVF_ID = `cvf:${OKAFOR}`;
const DOI_ID = 'doi:10.1109/cvpr52733.2024.01234';
const TITLE = 'Open-Vocabulary Segmentation at Scale';
const cvfPage = readFileSync('test/fixtures/cvf/paper-cvpr2024.html', 'utf8');

/** The two records as stop 37's build saved them: the CVF page's, being read, and dblp's, done, a week later. */
const RECORDS: SavedPaper[] = [
  {
    id: CVF_ID,
    paper: { ...emptyPaper(CVF_ID, TITLE, { site: 'cvf', page: 'paper' }), authors: ['Chinedu Okafor', 'Camila Reyes'], url: CVF_URL },
    status: 'reading',
    tags: ['segmentation'],
    note: 'Read on the CVF page.',
    savedFrom: CVF_URL,
    savedAt: 1_780_000_000_000,
    updatedAt: 1_780_000_000_000,
  },
  {
    id: DOI_ID,
    paper: { ...emptyPaper(DOI_ID, `${TITLE}.`, { site: 'dblp', page: 'person' }), authors: ['Chinedu Okafor', 'Camila Reyes'], url: 'https://doi.org/10.1109/CVPR52733.2024.01234' },
    status: 'done',
    tags: ['cvpr'],
    note: '',
    savedFrom: 'https://dblp.org/pid/00/1234.html',
    savedAt: 1_780_600_000_000,
    updatedAt: 1_780_600_000_000,
  },
];
let harness: Harness;

beforeAll(async () => {
  harness = await launchFirefox(join(DIST, 'firefox'), (url) => (url === CVF_URL ? { body: cvfPage } : undefined));
  const options = await harness.openExtensionPage('src/options/index.html', 'form');
  const labels = await options.texts('.sites li');
  const index = labels.findIndex((l) => l.includes('CVF'));
  expect(index, 'CVF on the options page').toBeGreaterThanOrEqual(0);
  await options.click(`.sites li:nth-child(${index + 1}) input`);
  await options.click('.sites ~ button[type=submit]');
  await until(async () => (await options.texts('[role=status]')).some((t) => t.startsWith('Saved.')), 'the options page to confirm');
  await options.close();
});
afterAll(() => harness?.close());

const statusOf = async (tab: Tab) => (await tab.overlays()).find((o) => o.id === CVF_ID)?.status?.label ?? null;
const popupTitles = async () => {
  const popup = await harness.openPopup();
  await popup.waitFor('li.item');
  const titles = await popup.texts('li.item .title');
  await popup.close();
  return titles;
};

it('firefox: two records of one paper merged in the library are one paper in the popup and on the CVF page; undo splits them again', async () => {
  const library = await harness.openExtensionPage('src/library/index.html', '.library');
  expect((await putRecords(library, RECORDS)).ok).toBe(true);
  const cvf = await harness.newTab();
  await cvf.goto(CVF_URL);
  await until(async () => (await statusOf(cvf)) === `Reading: reading status of “${TITLE}”`, 'the CVF page to show its own record', 10_000);
  expect(await popupTitles()).toHaveLength(2);

  await library.toFront();
  await library.click(harness.byRole('button', 'Duplicates (1)'));
  await library.waitFor('#duplicates fieldset');
  // The DOI's record is kept by default (a DOI before a venue's id); the CVF page's id becomes one of its aliases.
  expect(await library.values('#duplicates input[type=radio]')).toEqual(['true', 'false']);
  await library.click(harness.byRole('button', `Merge 2 copies of “${TITLE}.” into ${DOI_ID}`));
  await until(async () => (await library.texts('.snackbar')).some((t) => t.includes(`Merged 2 copies of “${TITLE}.”`)), 'the merge');
  expect(await library.texts(harness.byRole('button', 'Duplicates (1)'))).toEqual([]);

  // The tab open meanwhile follows the notices: its card is the merged record's (done, the further along).
  await until(async () => (await statusOf(cvf)) === `Done: reading status of “${TITLE}”`, 'the CVF tab to show the merged record', 5000);
  expect(await popupTitles()).toEqual([`${TITLE}.`]);
  await cvf.reload();
  await until(async () => (await statusOf(cvf)) === `Done: reading status of “${TITLE}”`, 'saved as the merged record after a reload', 10_000);

  await library.toFront();
  await library.click('.snackbar button:not(.close)'); // Undo
  await until(async () => (await popupTitles()).length === 2, 'both records back');
  await until(async () => (await statusOf(cvf)) === `Reading: reading status of “${TITLE}”`, 'the CVF tab to show its own record again', 5000);
});
