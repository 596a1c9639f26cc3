// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';
import { wholeText } from '../../../test/unit/whole-text';

afterEach(cleanup);

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe('popup: a newer arXiv version than the one saved', () => {
  it('marks the paper in the list, says it in its details with a link, and "Seen" takes the mark away', async () => {
    const { api } = renderPopup(
      [
        makeSaved('arxiv:2409.00001', 'Revised Since', day('2026-09-01'), {}, { version: 1 }),
        makeSaved('arxiv:2409.00003', 'Up To Date', day('2026-09-03'), {}, { version: 2 }),
      ],
      {
        versions: [
          { key: '2409.00001', version: 3, updated: '2026-11-02', checkedAt: day('2026-11-25'), comment: 'Camera-ready <b>for</b> ICML 2026' },
          { key: '2409.00003', version: 2, updated: '2026-11-20', checkedAt: day('2026-11-25') },
        ],
      },
    );
    const mark = await screen.findByTitle('arXiv has v3 of 2 Nov 2026; you saved v1');
    expect(mark.textContent).toBe('v3 out: arXiv has v3 of 2 Nov 2026; you saved v1'); // the rest for screen readers only
    expect(mark.querySelector('.sr-only')?.textContent).toBe(': arXiv has v3 of 2 Nov 2026; you saved v1');
    expect(mark.closest('li')?.getAttribute('data-id')).toBe('arxiv:2409.00001');
    expect(document.querySelectorAll('li .meta .revised')).toHaveLength(1); // the paper saved at its newest version has none

    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Revised Since”' }));
    const item = mark.closest('li')!;
    expect(within(item).getByText(/arXiv has v3 of 2 Nov 2026; you saved v1\./)).toBeTruthy();
    expect(within(item).getByText(wholeText('Its comment: “Camera-ready <b>for</b> ICML 2026”'))).toBeTruthy(); // text, never markup
    expect(item.querySelector('.new-version b')).toBeNull();
    expect(within(item).getByRole('link', { name: 'Open v3' }).getAttribute('href')).toBe('https://arxiv.org/abs/2409.00001v3');
    const seen = within(item).getByRole('button', { name: 'Seen: v3 of “Revised Since”' });
    seen.focus();
    fireEvent.click(seen);
    await waitFor(() => expect(document.querySelector('li .meta .revised')).toBeNull());
    expect(api.papers.find((p) => p.id === 'arxiv:2409.00001')?.paper.version).toBe(3);
    await waitFor(() => expect(document.activeElement).toBe(item)); // not lost with the line
    expect(within(item).queryByText(/arXiv has v3/)).toBeNull();
  });

  it('"New version (1)" filters the list to the papers arXiv has revised since their save; absent when none is', async () => {
    const { api } = renderPopup(
      [
        makeSaved('arxiv:2409.00001', 'Revised Since', day('2026-09-01'), {}, { version: 1 }),
        makeSaved('arxiv:2409.00003', 'Up To Date', day('2026-09-03'), {}, { version: 2 }),
      ],
      { versions: [{ key: '2409.00001', version: 3, updated: '2026-11-02', checkedAt: day('2026-11-25') }] },
    );
    const filter = await screen.findByRole('checkbox', { name: 'New version (1)' });
    fireEvent.click(filter);
    await waitFor(() => expect(screen.queryByText('Up To Date')).toBeNull());
    expect(screen.getByText('Revised Since')).toBeTruthy();
    expect(screen.getByText('1 of 2 papers')).toBeTruthy();
    // Seen, it leaves the filtered list; the filter stays (unticked it would go) until cleared.
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Revised Since”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Seen: v3 of “Revised Since”' }));
    await waitFor(() => expect(screen.queryByText('Revised Since')).toBeNull());
    expect(screen.getByRole('checkbox', { name: 'New version (0)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('Up To Date');
    expect(screen.queryByRole('checkbox', { name: /^New version/ })).toBeNull();
    expect(api.papers.find((p) => p.id === 'arxiv:2409.00001')?.paper.version).toBe(3);
  });

  it('"New version (0)" unticked goes from under the focus: the focus goes to "Has code" before it, not the page\'s body', async () => {
    renderPopup([makeSaved('arxiv:2409.00001', 'Revised Since', day('2026-09-01'), {}, { version: 1 })], {
      versions: [{ key: '2409.00001', version: 3, updated: '2026-11-02', checkedAt: day('2026-11-25') }],
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'New version (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Revised Since”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Seen: v3 of “Revised Since”' }));
    await waitFor(() => expect(screen.queryByText('Revised Since')).toBeNull());
    const filter = screen.getByRole('checkbox', { name: 'New version (0)' });
    filter.focus();
    fireEvent.click(filter);
    await screen.findByText('Revised Since');
    expect(screen.queryByRole('checkbox', { name: /^New version/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Has code' }));
  });

  it('asks for the checks’ answers only once the list is shown, and shows nothing without them', async () => {
    const { api } = renderPopup([makeSaved('arxiv:2409.00001', 'Never Checked', day('2026-09-01'), {}, { version: 1 })]);
    await screen.findByText('Never Checked');
    await waitFor(() => expect(api.arxivVersions).toHaveBeenCalledTimes(1));
    expect(document.querySelector('li .meta .revised')).toBeNull();
  });
});
