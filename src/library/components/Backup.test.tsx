// @vitest-environment jsdom
// The library's JSON backup: the reader's settings offered with it (never the GitHub token) and added to theirs on
// import (the lists joined, the switches the backup's), with the real export code; and the backups the popup reminds of.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../../popup/fake-api';
import { loadExportModule } from '../export-module';
import { renderLibrary } from './render-library';
import type { Backup } from '../../core/export/backup';

afterEach(cleanup);

const papers = [
  makeSaved('arxiv:2607.00001', 'First paper', 5000, {}, { authors: ['Y. LeCun'] }),
  makeSaved('arxiv:2607.00002', 'Second paper', 4000, {}, { authors: ['Geoffrey E. Hinton'] }),
  makeSaved('arxiv:2607.00003', 'Third paper', 3000, {}, { authors: ['Ada Lovelace'] }),
];
const SETTINGS = {
  watchedTopics: ['llm'],
  tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' as const }],
  toolbarCount: true,
  relevance: { enabled: false },
};

describe('library export: settings in the backup', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = [];
    URL.createObjectURL = vi.fn((blob: Blob) => `blob:papershelf/${blobs.push(blob)}`);
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  const settingsBox = () => screen.queryByRole('checkbox', { name: /^With my settings/ }) as HTMLInputElement | null;

  it('a backup of the whole list keeps the settings by default, and leaves them out when unticked', async () => {
    const { api } = renderLibrary(papers, undefined, loadExportModule, undefined, (fake) => {
      fake.settings = SETTINGS;
      fake.followed = ['Yann LeCun'];
    });
    await screen.findByText('First paper');
    expect(settingsBox()).toBeNull(); // BibTeX has no place for them
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    expect(settingsBox()!.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 5000 });
    const backup = JSON.parse(await blobs[0]!.text()) as Backup;
    expect(backup.papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
    expect(backup.settings).toEqual({ ...SETTINGS, followedAuthors: ['Yann LeCun'] });
    expect(await screen.findByText(/^Exported 3 papers and your settings to papershelf-backup-/)).toBeTruthy();

    fireEvent.click(settingsBox()!);
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await waitFor(() => expect(blobs).toHaveLength(2), { timeout: 5000 });
    expect(JSON.parse(await blobs[1]!.text())).not.toHaveProperty('settings');
    expect(api.backupSettings).toHaveBeenCalledTimes(1);
  });

  it('a backup of some papers leaves the settings out unless ticked (a file of three papers sent to a colleague)', async () => {
    renderLibrary(papers, undefined, loadExportModule, undefined, (fake) => void (fake.settings = SETTINGS));
    await screen.findByText('First paper');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “First paper”' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Selected/ }));
    expect(settingsBox()!.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 5000 });
    expect(JSON.parse(await blobs[0]!.text())).not.toHaveProperty('settings');
    fireEvent.click(settingsBox()!);
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(blobs).toHaveLength(2), { timeout: 5000 });
    expect((JSON.parse(await blobs[1]!.text()) as Backup).settings?.watchedTopics).toEqual(['llm']);
  });

  it('says why, and writes no file, when the settings cannot be read', async () => {
    renderLibrary(papers, undefined, loadExportModule, undefined, (fake) => void (fake.followed = new Error('the background did not answer')));
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Export failed: the background did not answer');
    expect(blobs).toEqual([]);
  });
});

describe('library export: the backup the popup reminds of', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:papershelf/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('opened for a backup, the JSON backup is chosen and Export has the focus once the list is read', async () => {
    renderLibrary(papers, undefined, loadExportModule, undefined, undefined, { forBackup: true });
    await screen.findByText('First paper');
    expect((screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).value).toBe('json');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export 3' })));
  });

  it('records a JSON backup of the whole list, and nothing else, for the popup\'s reminder', async () => {
    const { backups } = renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' })); // BibTeX
    await screen.findByText(/^Exported 3 papers to papershelf-/, {}, { timeout: 5000 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “First paper”' }));
    fireEvent.click(screen.getByRole('radio', { name: /^Selected/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' })); // part of the list
    await screen.findByText(/^Exported 1 paper to papershelf-backup-/, {}, { timeout: 5000 });
    expect(backups.state.last).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /^All papers/ }));
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await screen.findByText(/^Exported 3 papers and your settings to papershelf-backup-/, {}, { timeout: 5000 });
    expect(backups.state.last).toEqual({ at: expect.any(Number), papers: 3 });
    expect(backups.state.last!.at).toBeGreaterThanOrEqual(before);
  });
  it('a JSON backup of "Shown" or of every paper selected, with nothing narrowing the list, is a backup of the whole list', async () => {
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { backups } = renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Shown/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await screen.findByText(/^Exported 3 papers and your settings to /, {}, { timeout: 5000 });
    expect(backups.state.last).toEqual({ at: expect.any(Number), papers: 3 });
    backups.state = { ...backups.state, last: null };
    for (const title of ['First paper', 'Second paper', 'Third paper']) fireEvent.click(screen.getByRole('checkbox', { name: `Select “${title}”` }));
    fireEvent.click(screen.getByRole('radio', { name: /^Selected/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await waitFor(() => expect(names).toHaveLength(2), { timeout: 5000 });
    expect(names).toEqual([expect.stringMatching(/^papershelf-backup-\d{4}-\d{2}-\d{2}\.json$/), expect.stringMatching(/^papershelf-backup-\d{4}-\d{2}-\d{2}\.json$/)]);
    await waitFor(() => expect(backups.state.last).toEqual({ at: expect.any(Number), papers: 3 }));
  });
});

describe('library import: settings from a backup', () => {
  const file = (settings: unknown, list = papers) =>
    JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: '2026-07-01T00:00:00.000Z', papers: list, ...(settings === undefined ? {} : { settings }) });
  const empty = () => screen.findByText(/^Your reading list is empty/);
  const choose = (text: string) => fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [new File([text], 'backup.json', { type: 'application/json' })] } });
  const panel = () => screen.getByRole('region', { name: 'Import' });
  const theirs = { watchedTopics: ['llm', 'robotics'], followedAuthors: ['Yann LeCun', 'GE Hinton'], tagRules: SETTINGS.tagRules, toolbarCount: false, relevance: { enabled: true }, githubToken: 'ghp_planted' };

  it('says what the settings would add, and adds them with the papers; the lists mark papers by authors now followed', async () => {
    const { api } = renderLibrary(papers.slice(2), undefined, loadExportModule, undefined, (fake) => {
      fake.settings = { ...SETTINGS, watchedTopics: ['llm'] };
      fake.followed = ['Ada Lovelace'];
    });
    await screen.findByText('Third paper');
    choose(file(theirs));
    const offer = (await within(panel()).findByRole('checkbox', { name: /^Its settings too:/ }, { timeout: 5000 })) as HTMLInputElement;
    expect(offer.checked).toBe(true);
    expect(offer.closest('label')!.textContent).toBe('Its settings too: Adds 1 watched topic and 2 followed authors to yours, and turns relevance marks on and the toolbar count off.');
    const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;
    await waitFor(() => expect(live.textContent).toMatch(/Its settings: Adds 1 watched topic .* Nothing is written until you press Import\.$/));
    // Item by item, as text.
    const added = panel().querySelector('details.settings-added')!;
    expect([...added.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Watched topics: robotics', 'Followed authors: Yann LeCun; GE Hinton']);
    expect(api.importSettings).not.toHaveBeenCalled();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Import 2 papers and settings' }));
    expect(await within(panel()).findByText('Imported 2 papers and the settings from backup.json.')).toBeTruthy();
    expect(api.followed).toEqual(['Ada Lovelace', 'Yann LeCun', 'GE Hinton']);
    expect(api.settings).toEqual({ watchedTopics: ['llm', 'robotics'], tagRules: SETTINGS.tagRules, toolbarCount: false, relevance: { enabled: true } });
    expect(JSON.stringify(vi.mocked(api.importSettings).mock.calls)).not.toContain('ghp_planted');
    // The imported papers by the authors followed now are marked as such, with no reload.
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Followed authors (3)' })).toBeTruthy());
  });

  it('imports the settings alone from a backup whose papers the list has, or the papers alone when unticked', async () => {
    const { api } = renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    choose(file(theirs));
    await within(panel()).findByRole('checkbox', { name: /^Its settings too:/ }, { timeout: 5000 });
    expect(within(panel()).getByText(/0 to add, 0 to update/)).toBeTruthy();
    fireEvent.click(within(panel()).getByRole('checkbox', { name: /^Its settings too:/ }));
    expect((within(panel()).getByRole('button', { name: 'Import 0 papers' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(panel()).getByRole('checkbox', { name: /^Its settings too:/ }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Import settings' }));
    expect(await within(panel()).findByText('Imported the settings from backup.json.')).toBeTruthy();
    expect(api.putMany).not.toHaveBeenCalled();
    expect(api.followed).toEqual(['Yann LeCun', 'GE Hinton']);

    // The same file again: nothing to add.
    choose(file(theirs));
    expect(await within(panel()).findByText('Its settings are all in yours already.', {}, { timeout: 5000 })).toBeTruthy();
    expect((within(panel()).getByRole('button', { name: 'Import 0 papers' }) as HTMLButtonElement).disabled).toBe(true);
    expect(api.importSettings).toHaveBeenCalledTimes(1);
  });

  it('unticked, the papers come in and the settings stay as they are', async () => {
    const { api } = renderLibrary([], undefined, loadExportModule);
    await empty();
    choose(file(theirs));
    fireEvent.click(await within(panel()).findByRole('checkbox', { name: /^Its settings too:/ }, { timeout: 5000 }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Import 3 papers' }));
    expect(await within(panel()).findByText('Imported 3 papers from backup.json.')).toBeTruthy();
    expect(api.importSettings).not.toHaveBeenCalled();
    expect(api.followed).toEqual([]);
  });

  it('a failed settings write leaves the papers imported and says the settings were not', async () => {
    const { api } = renderLibrary([], undefined, loadExportModule, undefined, (fake) => void (fake.failImportSettings = new Error('QuotaExceededError')));
    await empty();
    choose(file(theirs));
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Import 3 papers and settings' }, { timeout: 5000 }));
    expect((await within(panel()).findByRole('alert')).textContent).toBe('Imported 3 papers from backup.json, but not its settings: QuotaExceededError. Your settings are unchanged.');
    expect(api.papers).toHaveLength(3);
    expect(api.followed).toEqual([]);
  });

  it('a failed papers write writes no settings either', async () => {
    const { api } = renderLibrary([], undefined, loadExportModule, undefined, (fake) => void (fake.failPutMany = new Error('ConstraintError')));
    await empty();
    choose(file(theirs));
    fireEvent.click(await within(panel()).findByRole('button', { name: 'Import 3 papers and settings' }, { timeout: 5000 }));
    expect((await within(panel()).findByRole('alert')).textContent).toBe('Import failed: ConstraintError. Nothing was imported; your list and settings are unchanged.');
    expect(api.importSettings).not.toHaveBeenCalled();
    expect(api.followed).toEqual([]);
  });

  it('settings it cannot compare with the reader\'s are not offered, and the papers still are', async () => {
    renderLibrary([], undefined, loadExportModule, undefined, (fake) => void (fake.followed = new Error('the background did not answer')));
    await empty();
    choose(file(theirs));
    expect(await within(panel()).findByText('Its settings are left out: yours could not be read (the background did not answer).', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(panel()).queryByRole('checkbox', { name: /^Its settings too:/ })).toBeNull();
    expect(within(panel()).getByRole('button', { name: 'Import 3 papers' })).toBeTruthy();
  });

  it('names what the settings add as text, whatever the file holds', async () => {
    renderLibrary([], undefined, loadExportModule);
    await empty();
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    choose(file({ followedAuthors: [`Ada ${hostile} Lovelace`], tagRules: [{ tag: 'x', match: hostile, fields: 'abstract' }] }));
    await within(panel()).findByText('What they add', {}, { timeout: 5000 });
    const added = panel().querySelector('details.settings-added')!;
    expect([...added.querySelectorAll('li')].map((li) => li.textContent)).toEqual([`Followed authors: Ada ${hostile} Lovelace`, `Tag rules: “x” for ${hostile} in abstracts`]);
    expect(added.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('a backup without settings (an older build\'s) offers none', async () => {
    renderLibrary([], undefined, loadExportModule);
    await empty();
    choose(file(undefined));
    await within(panel()).findByRole('button', { name: 'Import 3 papers' }, { timeout: 5000 });
    expect(within(panel()).queryByText(/settings/i)).toBeNull();
  });
});
