// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteInfo } from '../background/site-scripts';
import { SitesForm, type SitePermissions } from './SitesForm';

afterEach(cleanup);

const SITES: SiteInfo[] = [
  { id: 'huggingface', name: 'Hugging Face Papers', matches: ['https://huggingface.co/papers*'], former: [], optional: false },
  { id: 'openreview', name: 'OpenReview', matches: ['https://openreview.net/forum*'], former: [], optional: true },
  { id: 'dblp', name: 'dblp', matches: ['https://dblp.org/*'], former: [], optional: true },
  { id: 'pmlr', name: 'PMLR', matches: ['https://proceedings.mlr.press/*'], former: [], optional: true },
];

function fake(granted: Set<string>, sites = SITES) {
  const permissions: SitePermissions = {
    sites: () => sites,
    granted: vi.fn(async (origins: string[]) => origins.every((o) => granted.has(o))),
    request: vi.fn(async (origins: string[]) => {
      origins.forEach((o) => granted.add(o));
      return true;
    }),
    remove: vi.fn(async (origins: string[]) => {
      origins.forEach((o) => granted.delete(o));
      return true;
    }),
  };
  return permissions;
}

describe('SitesForm', () => {
  it('asks for every newly enabled site in one request and withdraws unticked ones', async () => {
    const permissions = fake(new Set(['https://huggingface.co/papers*', 'https://proceedings.mlr.press/*']));
    render(<SitesForm permissions={permissions} />);
    fireEvent.click(await screen.findByLabelText('OpenReview'));
    fireEvent.click(screen.getByLabelText('dblp'));
    fireEvent.click(screen.getByLabelText('PMLR'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.request).toHaveBeenCalledTimes(1);
    expect(permissions.request).toHaveBeenCalledWith(['https://openreview.net/forum*', 'https://dblp.org/*']);
    expect(permissions.remove).toHaveBeenCalledWith(['https://proceedings.mlr.press/*']);
    await waitFor(() => expect((screen.getByLabelText('OpenReview') as HTMLInputElement).checked).toBe(true));
  });

  it('a site granted before for the narrower paths an earlier version asked for: shown on, Apply asks for the whole site', async () => {
    const widened: SiteInfo[] = [
      { id: 'openreview', name: 'OpenReview', matches: ['https://openreview.net/*'], former: ['https://openreview.net/forum*', 'https://openreview.net/group*'], optional: true },
    ];
    const granted = new Set(['https://openreview.net/group*']);
    const permissions = fake(granted, widened);
    render(<SitesForm permissions={permissions} />);
    const box = (await screen.findByLabelText(/OpenReview/)) as HTMLInputElement;
    expect(box.checked).toBe(true); // it still runs where it was allowed
    expect(screen.getByText(/only on the pages an earlier version was allowed/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.request).toHaveBeenCalledWith(['https://openreview.net/*']);
    await waitFor(() => expect(screen.queryByText(/only on the pages an earlier version was allowed/)).toBeNull());
    // Unticked: the whole site and the old paths are withdrawn together.
    granted.delete('https://openreview.net/*');
    cleanup();
    render(<SitesForm permissions={permissions} />);
    fireEvent.click(await screen.findByLabelText(/OpenReview/));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.remove).toHaveBeenCalledWith(['https://openreview.net/*', 'https://openreview.net/forum*', 'https://openreview.net/group*']);
    expect(granted.size).toBe(0);
  });

  it('a site granted on some of its addresses runs there: shown on, Apply asks for the rest, unticking withdraws it all', async () => {
    // Google Scholar granted before its country domains were asked for (or a host Firefox withholds): its script is
    // registered for scholar.google.com (site-scripts.ts), so the page must not call it off, nor leave no way to stop it.
    const scholar: SiteInfo[] = [
      { id: 'scholar', name: 'Google Scholar', matches: ['https://scholar.google.com/scholar*', 'https://scholar.google.de/scholar*'], former: [], optional: true },
    ];
    const granted = new Set(['https://scholar.google.com/scholar*']);
    const permissions = fake(granted, scholar);
    render(<SitesForm permissions={permissions} />);
    const box = (await screen.findByLabelText(/Google Scholar/)) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.getByText(/only on some of its addresses/)).toBeTruthy();
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.remove).toHaveBeenCalledWith(scholar[0]!.matches);
    expect(granted.size).toBe(0);
    await waitFor(() => expect(screen.queryByText(/only on some of its addresses/)).toBeNull());
    // Ticked again: Apply asks for all of it.
    granted.add('https://scholar.google.com/scholar*');
    cleanup();
    render(<SitesForm permissions={permissions} />);
    await screen.findByText(/only on some of its addresses/);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.request).toHaveBeenCalledWith(scholar[0]!.matches);
  });

  it('shows core sites as always on, and Apply disabled until something changes', async () => {
    render(<SitesForm permissions={fake(new Set(['https://huggingface.co/papers*']))} />);
    const core = (await screen.findByLabelText(/Hugging Face Papers/)) as HTMLInputElement;
    expect(core.disabled && core.checked).toBe(true);
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when the browser refuses', async () => {
    const permissions = fake(new Set());
    permissions.request = vi.fn(async () => false);
    render(<SitesForm permissions={permissions} />);
    fireEvent.click(await screen.findByLabelText('dblp'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/did not grant access/)).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('dblp') as HTMLInputElement).checked).toBe(false)); // as the browser has it
  });

  it('follows access granted or withdrawn elsewhere while open (the popup, the browser), keeping the boxes changed here', async () => {
    const granted = new Set<string>();
    const permissions = fake(granted);
    const listeners = new Set<() => void>();
    permissions.watch = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    render(<SitesForm permissions={permissions} />);
    expect(await screen.findByText('(access withheld in the browser: allow it from the toolbar popup)')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('dblp')); // ticked here, not applied yet
    // Hugging Face granted from the popup, PMLR from the browser's own settings.
    granted.add('https://huggingface.co/papers*');
    granted.add('https://proceedings.mlr.press/*');
    listeners.forEach((listener) => listener());
    expect(await screen.findByText('(always on)')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('PMLR') as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText('dblp') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('OpenReview') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Saved\./);
    expect(permissions.request).toHaveBeenCalledWith(['https://dblp.org/*']);
    expect(permissions.remove).not.toHaveBeenCalled();
    cleanup();
    await waitFor(() => expect(listeners.size).toBe(0));
  });

  it('says so when it cannot read which sites have access, with a retry', async () => {
    const permissions = fake(new Set(['https://huggingface.co/papers*']));
    const granted = permissions.granted;
    permissions.granted = vi.fn(async () => {
      throw new Error('permissions are unavailable');
    });
    render(<SitesForm permissions={permissions} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read which sites have access: permissions are unavailable');
    permissions.granted = granted;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('(always on)')).toBeTruthy();
  });
});
