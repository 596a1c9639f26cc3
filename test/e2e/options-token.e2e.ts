// The options page already open learns, in both browsers, that GitHub rejected the saved token: the background's
// record of it (a digest in storage.session) reaches the page through storage.onChanged, with no reload. And the token
// is kept where no content script can read it: the background's database, not storage.local (open to content scripts
// in Firefox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, until, type Harness } from './browsers';
import { routes } from './pages';
import { tokenDigest } from '../../src/core/token-digest';

const REJECTED_TOKEN_KEY = 'githubTokenRejected'; // src/background/rejected-token.ts (which needs an extension to load)
const TOKEN = 'ghp_e2erevoked0123456789abcdefghijklmnopq';
const WARNING = 'GitHub rejected this token (401) the last time it was used';

describe.each(bothBrowsers(routes))('%s: the options page', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await launch()));
  afterAll(() => harness?.close());

  it('warns at the token field as soon as GitHub rejects the saved token', async () => {
    const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    await options.type('input[type=password]', TOKEN);
    await options.click(harness.byRole('button', 'Save settings'));
    await until(async () => (await options.texts('[role=status]')).includes('Saved.'), 'settings saved');
    expect((await options.texts('body')).join(' ')).not.toContain(WARNING);
    // What the background does on a 401 (src/background/rejected-token.ts), written here as it would be there.
    await options.run(`(globalThis.browser ?? globalThis.chrome).storage.session.set({ ${JSON.stringify(REJECTED_TOKEN_KEY)}: ${JSON.stringify(await tokenDigest(TOKEN))} })`);
    await until(async () => (await options.texts('body')).join(' ').includes(WARNING), 'the warning', 5000);
    await options.close();
  });

  it('keeps the saved token out of storage.local, and shows it again on the next visit', async () => {
    const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    const field = `document.querySelector('input[type=password]').value`;
    await until(async () => (await options.run<string>(field)) === TOKEN, 'the token saved by the test before shown');
    // Emptied (as a reader's select-all and delete would: where the caret lands on focus differs by browser), then typed.
    await options.run(`{ const input = document.querySelector('input[type=password]'); input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true })); }`);
    await options.type('input[type=password]', `${TOKEN}x`);
    await options.click(harness.byRole('button', 'Save settings'));
    await until(async () => (await options.texts('[role=status]')).includes('Saved.'), 'settings saved');
    const local = await options.run<Record<string, unknown>>('(globalThis.browser ?? globalThis.chrome).storage.local.get(null)');
    expect(JSON.stringify(local)).not.toContain(TOKEN);
    await options.close();
    const again = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    await until(async () => (await again.run<string>(field)) === `${TOKEN}x`, 'the saved token shown');
    await again.close();
  });
});
