import { describe, expect, it } from 'vitest';
import fetchRefused, { Headers, NO_NETWORK } from './no-network';

describe('the stand-in for citation-js HTTP clients', () => {
  it('refuses every request with a clear error', () => {
    expect(() => fetchRefused('https://doi.org/10.1000/182')).toThrow(NO_NETWORK);
    expect(() => new Headers()).toThrow(NO_NETWORK);
    expect(() => new fetchRefused.Headers()).toThrow(NO_NETWORK);
  });

  it('still answers instanceof checks, as citation-js makes them on headers it is given', () => {
    expect({} instanceof fetchRefused.Headers).toBe(false);
  });
});
