import { describe, expect, it } from 'vitest';
import { pageChanges, tasksCaused, type TraceEvent } from '../../../bench/tracing';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OURS = `chrome-extension://${ID}/src/content/entries/arxiv.js`;
const PROBE = 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/probe.js';
const PAGE = 'https://arxiv.org/static/page.js';

/** One main-thread task at `at` ms lasting `ms`, holding `inner` events (name, offset ms, duration ms, script URL). */
function task(at: number, ms: number, inner: [string, number, number, string?][], postedFrom?: string): TraceEvent[] {
  const us = (x: number) => Math.round(x * 1000);
  return [
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: us(at), dur: us(ms), pid: 1, tid: 1, ...(postedFrom ? { args: { src_file: postedFrom } } : {}) },
    ...inner.map(([name, off, dur, url]) => ({ name, ph: 'X', ts: us(at + off), dur: us(dur), pid: 1, tid: 1, ...(url ? { args: { data: { url } } } : {}) })),
  ];
}

const caused = (events: TraceEvent[]) => tasksCaused(events, ID).map((t) => +t.caused.toFixed(1));

describe('bench tracing: the tasks the extension causes', () => {
  it("charges the page's own parsing task and first frame only with our script's time in them", () => {
    const events = [
      ...task(0, 100, [['ParseHTML', 1, 90], ['FunctionCall', 92, 6, OURS]]),
      ...task(110, 400, [['PrePaint', 1, 300]]),
    ];
    expect(caused(events)).toEqual([6, 0]);
  });

  it('charges whole our callbacks, their continuations (which name no script), and the frame that draws their changes', () => {
    const events = [
      ...task(0, 100, [['ParseHTML', 1, 90]]),
      ...task(110, 400, [['PrePaint', 1, 300]]),
      ...task(520, 12, [['FireIdleCallback', 0, 11], ['FunctionCall', 0, 11, OURS]]),
      ...task(540, 30, [['RunYieldContinuation', 0, 29], ['RunMicrotasks', 0, 29]]),
      // The frame runs the probe's per-frame check (0.1 ms) and nothing of the page's.
      ...task(580, 60, [['FireAnimationFrame', 0, 0.1], ['FunctionCall', 0, 0.1, PROBE], ['Layout', 1, 20], ['PrePaint', 21, 30]]),
    ];
    expect(caused(events)).toEqual([0, 0, 12, 30, 60]);
  });

  it("leaves the page's frames and the bench probe's pass to them", () => {
    const events = [
      ...task(0, 12, [['FireIdleCallback', 0, 11], ['FunctionCall', 0, 11, OURS]]),
      // The page's own script changes the page too: the next frame is not ours alone.
      ...task(20, 5, [['TimerFire', 0, 4], ['FunctionCall', 0, 4, PAGE]]),
      ...task(30, 70, [['PrePaint', 1, 60]]),
      ...task(110, 8, [['RunMicrotasks', 0, 7], ['FunctionCall', 0, 7, OURS]]),
      // The probe's pass over every card (13 ms of its script) makes this frame the instrument's.
      ...task(130, 90, [['FireAnimationFrame', 0, 13], ['FunctionCall', 0, 13, PROBE], ['PrePaint', 14, 60]]),
      // A continuation after the page's script is the page's.
      ...task(230, 5, [['TimerFire', 0, 4], ['FunctionCall', 0, 4, PAGE]]),
      ...task(240, 20, [['RunYieldContinuation', 0, 19], ['RunMicrotasks', 0, 19]]),
    ];
    expect(caused(events)).toEqual([12, 0, 0, 8, 0, 0, 0]);
  });

  it('charges a task shared with the page script only our part, and a frame with our callback in it whole', () => {
    const events = [
      ...task(0, 30, [['EventDispatch', 0, 29], ['FunctionCall', 0, 20, PAGE], ['FunctionCall', 20, 9, OURS]]),
      ...task(40, 50, [['PrePaint', 0, 10]]),
      ...task(100, 55, [['FireAnimationFrame', 0, 2], ['FunctionCall', 0, 2, OURS], ['PrePaint', 3, 40]]),
    ];
    expect(caused(events)).toEqual([9, 0, 55]);
  });

  it("charges whole the autofill agent's tasks once our script has run (a form control of ours set them off)", () => {
    const FORMS = 'components/autofill/content/renderer/form_submission_tracker.cc';
    const events = [
      ...task(0, 5, [['ParseHTML', 0, 4]]),
      // The page's own forms, read as it loads: not ours.
      ...task(6, 3, [['Layout', 0, 2]], FORMS),
      ...task(10, 12, [['FireIdleCallback', 0, 11], ['FunctionCall', 0, 11, OURS]]),
      ...task(30, 34, [['UpdateLayoutTree', 17, 6], ['Layout', 23, 6]], FORMS),
      ...task(70, 22, [], 'components/autofill/content/renderer/autofill_agent.cc'),
      // Another component's task with no script stays nobody's.
      ...task(100, 9, [], 'cc/trees/proxy_impl.cc'),
    ];
    expect(caused(events)).toEqual([0, 0, 12, 34, 22, 0]);
  });
});

describe('bench tracing: what changed the page', () => {
  /** An invalidation-tracking instant event at `ms` on thread `tid`. */
  const change = (name: string, ms: number, data: NonNullable<TraceEvent['args']>['data'], tid = 1): TraceEvent => ({ name, ph: 'I', ts: ms * 1000, pid: 1, tid, args: { data } });
  const insert = [{ functionName: 'insert', url: OURS, lineNumber: 67 }];

  it('counts the changes of one thread in a window, by reason, node and the script line that made them', () => {
    const events = [
      change('LayoutInvalidationTracking', 10, { reason: 'Added to layout', nodeName: 'PAPERSHELF-OVERLAY', stackTrace: insert }),
      change('LayoutInvalidationTracking', 11, { reason: 'Added to layout', nodeName: 'PAPERSHELF-OVERLAY', stackTrace: insert }),
      // Drawn in the next frame: no script on the stack.
      change('LayoutInvalidationTracking', 12, { reason: 'Added to layout', nodeName: "BUTTON class='chip'" }),
      change('ScheduleStyleInvalidationTracking', 13, { changedAttribute: 'hidden', nodeName: "DIV class='bar'", stackTrace: [{ functionName: '', lineNumber: 0 }] }),
      change('StyleInvalidatorInvalidationTracking', 14, {}),
      // Another thread, outside the window, and not a change.
      change('LayoutInvalidationTracking', 12, { reason: 'Added to layout', nodeName: 'DIV' }, 2),
      change('LayoutInvalidationTracking', 30, { reason: 'Added to layout', nodeName: 'DIV' }),
      { name: 'Layout', ph: 'X', ts: 12_000, dur: 1000, pid: 1, tid: 1 },
    ];
    expect(pageChanges(events, { pid: 1, tid: 1 }, 10_000, 30_000)).toEqual([
      ['Added to layout: PAPERSHELF-OVERLAY ← insert:68', 2],
      ["Added to layout: BUTTON class='chip'", 1],
      ["attribute hidden changed: DIV class='bar' ← (anonymous):1", 1],
      ['StyleInvalidator: ?', 1],
    ]);
  });
});
