/** Corpus text is untrusted: everything that reaches a hover goes through here first. */

/** Escapes Markdown and HTML so text shows as itself: no links, images, HTML or command URIs. */
export function escapeMarkdown(text: string): string {
  return text
    // Control characters (bidi overrides included) would reorder or hide what the reader sees.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\\`*_{}\[\]()#+\-.!|<>~&:"'=$@/]/g, (c) => '\\' + c)
    .replace(/\r?\n/g, ' ');
}

/** An inline code span that cannot be broken out of. */
export function codeSpan(text: string): string {
  const clean = text.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}
