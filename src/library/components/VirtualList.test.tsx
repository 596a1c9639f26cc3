// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList';

afterEach(cleanup);

describe('VirtualList', () => {
  it('puts only the visible rows and the overscan in the DOM', () => {
    const { container } = render(
      <VirtualList count={10_000} rowHeight={40} fallbackHeight={400} overscan={5} data-testid="v" renderRow={(i, style) => <div key={i} class="row" style={style}>Row {i}</div>} />,
    );
    const rows = () => [...container.querySelectorAll('.row')].map((r) => r.textContent);
    expect(rows()).toHaveLength(15); // 10 in view + 5 below
    expect(rows()[0]).toBe('Row 0');
    const spacer = container.firstElementChild!.firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe('400000px');

    const viewport = container.firstElementChild as HTMLElement;
    viewport.scrollTop = 4000 * 40;
    fireEvent.scroll(viewport);
    expect(rows()).toHaveLength(20);
    expect(rows()[0]).toBe('Row 3995');
    expect((container.querySelector('.row') as HTMLElement).style.top).toBe(`${3995 * 40}px`);
  });

  it('keeps the row that has the focus while it is scrolled out of the window, so the focus stays in it', () => {
    const { container } = render(
      <VirtualList
        count={10_000}
        rowHeight={40}
        fallbackHeight={400}
        overscan={5}
        renderRow={(i, style) => (
          <div key={i} class="row" style={style}>
            <input aria-label={`Select ${i}`} />
          </div>
        )}
      />,
    );
    const viewport = container.firstElementChild as HTMLElement;
    const box = container.querySelector<HTMLInputElement>('[aria-label="Select 2"]')!;
    act(() => box.focus());
    viewport.scrollTop = 4000 * 40; // PageDown, End, the wheel: the focused row leaves the window
    fireEvent.scroll(viewport);
    expect(document.activeElement).toBe(box);
    expect(box.isConnected).toBe(true);
    const labels = () => [...container.querySelectorAll('input')].map((i) => i.getAttribute('aria-label'));
    expect(labels()[0]).toBe('Select 2'); // before the window: Tab from it goes on down into the rows in view
    expect(labels()).toContain('Select 3995');
    // Once the focus has left it, the row goes like any other.
    act(() => box.blur());
    fireEvent.scroll(viewport);
    expect(labels()).not.toContain('Select 2');
  });

  it('when the focused row leaves the list (a status its filter hides), the focus goes to the same control of the row that took its place', () => {
    const table = (items: string[]) => (
      <VirtualList
        count={items.length}
        rowHeight={40}
        fallbackHeight={400}
        renderRow={(i, style) => (
          <div key={items[i]} class="row" style={style}>
            <span>
              <input aria-label={`Select ${items[i]}`} />
            </span>
            <span>
              <select aria-label={`Status of ${items[i]}`} />
            </span>
          </div>
        )}
      />
    );
    const { rerender, container } = render(table(['a', 'b', 'c']));
    const status = container.querySelector<HTMLSelectElement>('[aria-label="Status of b"]')!;
    act(() => status.focus());
    rerender(table(['a', 'c']));
    expect(status.isConnected).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Status of c');
    // The last row gone: its predecessor's.
    rerender(table(['a']));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Status of a');
  });

  it('a focused row scrolled out of the window stays the same paper when rows before it come or go (saved or removed in another tab)', () => {
    const table = (items: string[]) => (
      <VirtualList
        count={items.length}
        rowHeight={40}
        fallbackHeight={400}
        overscan={5}
        rowKey={(i) => items[i]!}
        renderRow={(i, style) => (
          <div key={items[i]} class="row" style={style}>
            <input aria-label={`Select ${items[i]}`} />
          </div>
        )}
      />
    );
    const items = Array.from({ length: 1000 }, (_, i) => `p${i}`);
    const { rerender, container } = render(table(items));
    const viewport = container.firstElementChild as HTMLElement;
    const box = container.querySelector<HTMLInputElement>('[aria-label="Select p2"]')!;
    act(() => box.focus());
    viewport.scrollTop = 500 * 40; // PageDown on the checkbox: the focused row leaves the window
    fireEvent.scroll(viewport);
    // A paper saved in another tab comes first: the focused paper is one row further down, still focused and kept.
    rerender(table(['new', ...items]));
    expect(document.activeElement).toBe(box);
    expect(box.isConnected).toBe(true);
    // A paper before it removed elsewhere: the same again.
    rerender(table(items.slice(1)));
    expect(document.activeElement).toBe(box);
    expect(box.isConnected).toBe(true);
    const labels = () => [...container.querySelectorAll('input')].map((i) => i.getAttribute('aria-label'));
    expect(labels()[0]).toBe('Select p2');
    expect(labels()).not.toContain('Select p1');
    // The focused paper itself removed: the row that took its place has the focus, as in the window.
    rerender(table(items.slice(3)));
    expect(box.isConnected).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Select p4');
  });

  it('clamps at the end of the list', () => {
    const { container } = render(<VirtualList count={3} rowHeight={40} renderRow={(i, style) => <div key={i} class="row" style={style} />} />);
    expect(container.querySelectorAll('.row')).toHaveLength(3);
  });
});
