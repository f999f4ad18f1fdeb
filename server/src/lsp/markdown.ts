/** Corpus text is untrusted: everything that reaches a hover goes through here first. */
import { plainText } from '../text/sanitize';

/** Escapes Markdown and HTML so text shows as itself: no links, images, HTML or command URIs. */
export function escapeMarkdown(text: string): string {
  // Control, escape and bidi characters would reorder or hide what the reader sees.
  return plainText(text).replace(/[\\`*_{}\[\]()#+\-.!|<>~&:"'=$@/]/g, (c) => '\\' + c);
}

/** An inline code span that cannot be broken out of. */
export function codeSpan(text: string): string {
  const clean = plainText(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}
