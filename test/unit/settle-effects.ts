// Preact runs a component's effects after the next frame: on requestAnimationFrame, or on a 35 ms timer when no frame
// comes (preact/hooks afterNextFrame). A test file's DOM (jsdom, happy-dom) is torn down as soon as its last test ends;
// a timer still pending then fires after the DOM's globals are gone and calls cancelAnimationFrame: an unhandled
// ReferenceError that fails the whole run though every test passed (seen once, after src/options/SettingsForm.test.tsx).
// Waiting past that timer while the DOM is still there lets it fire as it would in a page.
import { afterAll } from 'vitest';

afterAll(async () => {
  if (typeof window === 'undefined') return; // a file in Node alone: no DOM, no effects
  await new Promise((resolve) => setTimeout(resolve, 60));
});
