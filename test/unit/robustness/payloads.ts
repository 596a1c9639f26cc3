// Hostile strings shared by the robustness suite: markup and script payloads, script-bearing URLs, odd
// characters and encodings. Written for this suite (no list copied from elsewhere); each entry says what it probes.

/** Markup that must stay text wherever it is shown. */
export const MARKUP: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">click</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<style>*{display:none}</style>',
  '<template><img src=x onerror=alert(1)></template>',
  '<!-- comment --><b>bold</b>',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '</textarea><script>alert(1)</script>',
  '<papershelf-overlay data-papershelf-id="arxiv:2401.00001"></papershelf-overlay>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '${alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
];

/** URLs that must never become links (script or data schemes, in several spellings). */
export const SCRIPT_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript%3Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'blob:https://huggingface.co/1234',
  'file:///etc/passwd',
  'about:blank',
  '//evil.example/x',
  'https://"><img src=x onerror=alert(1)>',
  'https://github.com/x/y" onmouseover="alert(1)',
  'https://github.com/..%2f..%2fevil',
];

/** Repository names that must never become a GitHub link (or must be checked as owner/repo). */
export const BAD_REPOS: readonly string[] = [
  'javascript:alert(1)',
  '../../evil',
  'owner/..',
  'owner/.',
  'owner/repo/extra',
  'owner/<img src=x onerror=alert(1)>',
  '<script>/x',
  'owner/repo"onmouseover="alert(1)',
  'owner /repo',
  '/repo',
  'owner/',
  'x'.repeat(40) + '/repo',
  'owner/' + 'r'.repeat(101),
  'own\u202Eer/repo',
  'own\u200Ber/repo',
  'https://github.com/owner/repo',
];

/** Characters that confuse display, parsing or string handling. */
export const ODD_CHARS: readonly string[] = [
  '\u0000', // NUL
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202E', // right-to-left override
  '\u202D', // left-to-right override
  '\u2066', // left-to-right isolate
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte order mark
  '\u0301\u0301\u0301\u0301', // a pile of combining accents
  '\u00A0', // no-break space
  '\u2028', // line separator
  '\r\n',
  '\t',
  '\u001B[31m', // terminal escape
  '\uFFFD', // replacement character
  '\u{1F600}', // astral plane emoji
  'Ａ１２', // full-width letters and digits
  'Ã©', // mojibake of é
  '%E0%A4%A', // malformed percent-encoding
];

/** Text that looks like numbers or dates the adapters parse. */
export const NUMBERISH: readonly string[] = [
  '-5', '1.5', '1e309', '99999999999999999999', 'NaN', 'Infinity', '0x1F', '1,2,3,4,5', '1.2k', '9'.repeat(400),
  '2024-13-45', '2024-02-30', '0000-00-00', '9999-99-99T99:99:99Z', '31 Feb 2024', 'Sep 31, 2025', '2024/1/1',
];

/** Every hostile string for string fields: markup, script URLs, bad repositories, odd characters, large text. */
export function hostileStrings(): string[] {
  const odd = ODD_CHARS.map((c) => `Title${c}with${c}odd`);
  return [
    ...MARKUP,
    ...SCRIPT_URLS,
    ...BAD_REPOS,
    ...odd,
    `\u202Egnp.exe\u202C ${'<b>'.repeat(3)}`,
    '\u200B'.repeat(64),
    `${'<div>'.repeat(2000)}deep`,
    `${'A'.repeat(100_000)}<script>alert(1)</script>`, // 100 KB
    'x\u0300'.repeat(5000),
  ];
}
