// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { isolatedParts, quoted } from './isolate';
import { Isolated } from './components/Isolated';

describe('quoted page text in messages', () => {
  it('marks each quoted stretch, and only it, to be shown isolated', () => {
    const message = `Renamed ${quoted('תגית')} to ${quoted('learning')} on 2 papers.`;
    expect(isolatedParts(message)).toEqual([
      { text: 'Renamed “', isolated: false },
      { text: 'תגית', isolated: true },
      { text: '” to “', isolated: false },
      { text: 'learning', isolated: true },
      { text: '” on 2 papers.', isolated: false },
    ]);
  });

  it("drops a page's own isolate marks, so a title cannot end the isolation early", () => {
    expect(isolatedParts(`Removed ${quoted('a\u2069b\u2068c')}.`)).toEqual([
      { text: 'Removed “', isolated: false },
      { text: 'abc', isolated: true },
      { text: '”.', isolated: false },
    ]);
  });

  it('shows each quoted stretch in a <bdi>, and the words as written, without the marks', () => {
    const { container } = render(<Isolated text={`${quoted('نموذج')}: 2 copies, ${quoted('x')}`} />);
    expect(container.textContent).toBe('“نموذج”: 2 copies, “x”');
    expect([...container.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['نموذج', 'x']);
  });
});
