import { describe, expect, it } from 'vitest';
import { tokenDigest } from './token-digest';

describe('tokenDigest', () => {
  it('is the SHA-256 of the trimmed token, in hex, and never the token itself', async () => {
    expect(await tokenDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await tokenDigest(' abc\n')).toBe(await tokenDigest('abc')); // the background sends the token trimmed
    expect(await tokenDigest('ghp_secret')).not.toContain('ghp_secret');
  });
});
