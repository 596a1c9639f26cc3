import { render } from 'preact';
import browser from 'webextension-polyfill';
import { sites } from '../background/site-scripts';
import { SitesForm, type SitePermissions } from './SitesForm';
import { SettingsForm } from './SettingsForm';
import { TOPICS } from '../core/tags/taxonomy';
import { send } from '../background/client';
import { readRejectedTokenDigest, watchRejectedToken } from '../background/rejected-token';
import './options.css';

const permissions: SitePermissions = {
  sites: () => sites(),
  granted: (origins) => browser.permissions.contains({ origins }),
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
  watch(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};

render(
  <main class="options">
    <h1>Papershelf options</h1>
    <SitesForm permissions={permissions} />
    <SettingsForm
      store={{ read: () => send('settings', {}), write: (patch) => send('setSettings', { patch }) }}
      topics={TOPICS}
      resetRelevance={() => send('resetRelevance', {})}
      rejectedTokenDigest={readRejectedTokenDigest}
      watchRejectedToken={watchRejectedToken}
      countFollowed={(names) => send('followedCounts', { names })}
    />
  </main>,
  document.getElementById('app')!,
);
