// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../../popup/fake-api';
import { ChartsPanel } from './ChartsPanel';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const weekly = () => screen.getByRole('img', { name: /^Papers saved per week/ }).querySelector('desc')?.textContent;

describe('charts panel', () => {
  it('a library tab left open for days counts the papers saved since it opened', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const opened = new Date(2026, 6, 1, 12).getTime(); // a Wednesday
    vi.setSystemTime(opened);
    const first = [makeSaved('arxiv:2607.00001', 'Saved the day the tab opened', opened - 3600e3)];
    const { rerender } = render(<ChartsPanel papers={first} />);
    expect(weekly()).toMatch(/^1 saved in the last 26 weeks/);
    // Nine days later, a paper saved from another tab reaches the open library.
    const later = opened + 9 * 86_400e3;
    vi.setSystemTime(later);
    rerender(<ChartsPanel papers={[makeSaved('arxiv:2607.00002', 'Saved nine days later', later - 60e3), ...first]} />);
    expect(weekly()).toMatch(/^2 saved in the last 26 weeks/);
  });
});
