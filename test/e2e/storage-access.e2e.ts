// Chromium: storage.local (where builds before schema v7 kept the settings, the GitHub token among them) and
// storage.session are out of our content scripts' reach, so a compromised page process, which can do what its content
// script can, cannot read them; the settings themselves are now in the database. The test evaluates in the
// content script's own world (Tab.inContentScript) and reads storage.local from there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, putRecords, until, type Harness, type Tab } from './browsers';
import { makePaper } from '../unit/paper-factory';
import { DAILY_URL, routes } from './pages';

let harness: Harness;
let tab: Tab;

beforeAll(async () => {
  harness = await launchChromium('dist/chrome', routes);
  tab = await harness.newTab();
});
afterAll(() => harness?.close());

it("chromium: the content script's world can message the background but not read storage.local or storage.session", async () => {
  await tab.goto(DAILY_URL);
  await until(() => tab.evaluate(() => performance.getEntriesByName('papershelf:annotated').length > 0), 'the content script to have run');
  // The same world reaches the background (the test is not failing for want of an extension API)…
  expect(await tab.inContentScript!(`chrome.runtime.sendMessage({ type: 'tagSettings', payload: {} }).then((r) => r.ok ? 'answered' : 'refused')`)).toBe('answered');
  // …but storage.local is closed to it.
  expect(await tab.inContentScript!(`chrome.storage.local.get('settings').then(() => 'read', (e) => 'refused: ' + e.message)`)).toMatch(/^refused: /);
  // So is storage.session, where the background notes a token GitHub rejected (its digest) for the options page.
  expect(await tab.inContentScript!(`chrome.storage.session.get('githubTokenRejected').then(() => 'read', (e) => 'refused: ' + e.message)`)).toMatch(/^refused: /);
});

it("chromium: a write from the content script's world is answered with the paper's state, never its note", async () => {
  const paper = makePaper({ id: 'arxiv:2607.04321' });
  const record = { id: paper.id, paper, status: 'reading' as const, tags: ['moe'], note: 'private: reviewer 2', savedFrom: 'https://huggingface.co/papers', savedAt: 1, updatedAt: 1 };
  const library = await harness.openPopup();
  expect((await putRecords(library, [record])).ok).toBe(true);
  await tab.goto(DAILY_URL);
  await until(() => tab.evaluate(() => performance.getEntriesByName('papershelf:annotated').length > 0), 'the content script to have run');
  // What a compromised page process could ask: a no-op edit of a paper lookup says is saved.
  const reply = await tab.inContentScript!(`chrome.runtime.sendMessage({ type: 'edit', payload: { id: '${paper.id}', edit: {} } })`);
  expect(reply).toEqual({ ok: true, value: { id: paper.id, status: 'reading', tags: ['moe'] } });
});

it('chromium: settings an older build left in storage.local move to the database when the worker starts, and leave storage.local', async () => {
  const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
  // As the update to schema v7 finds them: the database has no settings row yet (the worker that started already wrote
  // one, so that settings put in storage.local later are dropped unread), storage.local has an older build's.
  await options.run(`new Promise((resolve, reject) => {
    const open = indexedDB.open('papershelf');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite');
      tx.objectStore('settings').delete('settings');
      tx.oncomplete = () => (open.result.close(), resolve(true));
      tx.onerror = () => reject(tx.error);
    };
  })`);
  await options.run(`chrome.storage.local.set({ settings: { githubToken: 'ghp_leftbyanolderbuild', watchedTopics: ['moe'] } })`);
  await harness.stopServiceWorker!();
  await options.reload(); // its first request starts the worker again, which moves them before answering
  await until(async () => (await options.run<string>(`document.querySelector('input[type=password]')?.value ?? ''`)) === 'ghp_leftbyanolderbuild', 'the moved token shown');
  expect(await options.run(`chrome.storage.local.get(null)`)).toEqual({});
  await options.close();
});
