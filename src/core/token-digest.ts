// A GitHub token's SHA-256 digest (hex): how the background tells the options page which token GitHub rejected
// without keeping the token itself anywhere new.

export async function tokenDigest(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token.trim()));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
