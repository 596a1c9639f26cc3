// One paper, two ids (Paper.aliases): a CVPR paper is `cvf:…` on its CVF page and `doi:10.1109/…` on a dblp entry that
// names its IEEE DOI and that page. Saved on one, it shows as saved on the other; its status changed or its removal on
// one reaches the other tab; the popup lists one paper. Firefox only: dblp and CVF are optional sites, enabled on the
// options page, and only Firefox's optional-permission prompt can be switched off for automation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchFirefox, until, type Harness, type Tab } from './browsers';

const OKAFOR = 'Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024';
const CVF_URL = `https://openaccess.thecvf.com/content/CVPR2024/html/${OKAFOR}_paper.html`;
const CVF_ID = `cvf:${OKAFOR}`;
const DBLP_URL = 'https://dblp.org/pid/00/1234.html';
const DOI = '10.1109/CVPR52733.2024.01234';
const DOI_ID = `doi:${DOI.toLowerCase()}`;
/** The paper's title on both pages (dblp's final "." is not the title's). */
const TITLE = 'Open-Vocabulary Segmentation at Scale';
const cvfPage = readFileSync('test/fixtures/cvf/paper-cvpr2024.html', 'utf8');
/** The dblp person page of the adapter's tests, its CVPR entry naming the paper's IEEE DOI before its CVF page (as dblp lists electronic editions). */
const dblpPage = readFileSync('test/fixtures/dblp/person-venues.html', 'utf8').replace(
  `<li class="ee"><a href="${CVF_URL}" itemprop="url">`,
  `<li class="ee"><a href="https://doi.org/${DOI}" itemprop="url">electronic edition via DOI</a></li><li class="ee"><a href="${CVF_URL}" itemprop="url">`,
);
let harness: Harness;

beforeAll(async () => {
  expect(dblpPage).toContain(`https://doi.org/${DOI}`); // the fixture still has the entry this test edits
  const pages: Record<string, string> = { [CVF_URL]: cvfPage, [DBLP_URL]: dblpPage };
  harness = await launchFirefox('dist/firefox', (url) => (pages[url] ? { body: pages[url] } : undefined));
  const options = await harness.openExtensionPage('src/options/index.html', 'form');
  const labels = await options.texts('.sites li');
  for (const site of ['dblp', 'CVF']) {
    const index = labels.findIndex((l) => l.includes(site));
    expect(index, `${site} on the options page`).toBeGreaterThanOrEqual(0);
    await options.click(`.sites li:nth-child(${index + 1}) input`);
  }
  await options.click('.sites ~ button[type=submit]');
  await until(async () => (await options.texts('[role=status]')).some((t) => t.startsWith('Saved.')), 'the options page to confirm');
  await options.close();
});
afterAll(() => harness?.close());

const overlayOf = async (tab: Tab, id: string) => (await tab.overlays()).find((o) => o.id === id) ?? null;
const statusOf = async (tab: Tab, id: string) => (await overlayOf(tab, id))?.status?.label ?? null;

it('firefox: saved on the CVF page, the dblp entry by its DOI is that paper, both ways, in one record', async () => {
  const cvf = await harness.newTab();
  await cvf.goto(CVF_URL);
  await until(() => overlayOf(cvf, CVF_ID), 'the CVF page overlay', 10_000);
  await cvf.clickSave(CVF_ID);
  await until(async () => (await statusOf(cvf, CVF_ID)) === `To read: reading status of “${TITLE}”`, 'saved on the CVF page');

  const dblp = await harness.newTab();
  await dblp.goto(DBLP_URL);
  await until(() => overlayOf(dblp, DOI_ID), 'the dblp entry overlay (by its DOI)', 10_000);
  await until(async () => (await statusOf(dblp, DOI_ID)) === `To read: reading status of “${TITLE}”`, 'the dblp entry to show the paper saved');

  // Its status changed on dblp is the CVF record's: the CVF tab follows.
  const shown = (await overlayOf(dblp, DOI_ID))!.status!;
  await dblp.clickAt(shown.x, shown.y);
  const open = await until(async () => {
    const status = (await overlayOf(dblp, DOI_ID))?.status;
    return status?.open && status;
  }, 'the statuses to open on dblp');
  const done = open.choices.find((c) => c.label === 'Done')!;
  await dblp.clickAt(done.x, done.y);
  await until(async () => (await statusOf(dblp, DOI_ID)) === `Done: reading status of “${TITLE}”`, 'Done on dblp');
  await until(async () => (await statusOf(cvf, CVF_ID)) === `Done: reading status of “${TITLE}”`, 'the CVF tab to follow', 3000);

  const popup = await harness.openPopup();
  await popup.waitFor('li.item');
  expect(await popup.texts('li.item .title')).toEqual(['Open-Vocabulary Segmentation at Scale']);
  expect(await popup.values('li.item select.status')).toEqual(['done']);
  await popup.close();

  // Removed on dblp: unsaved on both. Saved on dblp: saved on the CVF page, under the DOI, with the CVF page as alias.
  await dblp.clickSave(DOI_ID);
  await until(async () => (await statusOf(dblp, DOI_ID)) === null && (await overlayOf(dblp, DOI_ID))?.pressed === 'false', 'removed on dblp');
  await until(async () => (await statusOf(cvf, CVF_ID)) === null, 'the CVF tab to follow the removal', 3000);
  await dblp.clickSave(DOI_ID);
  await until(async () => (await statusOf(dblp, DOI_ID)) === `To read: reading status of “${TITLE}”`, 'saved again on dblp');
  await until(async () => (await statusOf(cvf, CVF_ID)) === `To read: reading status of “${TITLE}”`, 'the CVF tab to show it saved', 3000);
  await cvf.reload();
  await until(async () => (await statusOf(cvf, CVF_ID)) === `To read: reading status of “${TITLE}”`, 'saved after a reload of the CVF page', 10_000);
  const again = await harness.openPopup();
  await again.waitFor('li.item');
  expect(await again.texts('li.item .title')).toHaveLength(1);
  await again.close();
});
