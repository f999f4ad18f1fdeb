/**
 * Corpus strings are untrusted: one place says what each destination may receive. Control,
 * escape and bidi-override characters never pass (they reorder, hide or drive a terminal);
 * beyond that each destination escapes what it would otherwise read as syntax.
 */

// C0 and C1 controls (ESC included), bidi embeddings, overrides and isolates, and the invisible
// zero-width characters that make two names look alike.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Drops control, escape, bidi and zero-width characters; line breaks become spaces unless kept. */
export function plainText(s: string, keepLineBreaks = false): string {
  // Whole terminal escape sequences first (CSI "ESC [ 31 m", OSC "ESC ] … BEL"), then any control left.
  const clean = s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g, '').replace(UNSAFE, '');
  return keepLineBreaks ? clean : clean.replace(/\r?\n|\r/g, ' ');
}

/** Text written into a Markdown draft (a citation's title, a speaker's name): shows as itself, opens no link, HTML or footnote. */
export function forDraftMarkdown(s: string): string {
  return plainText(s).replace(/[\\`*_{}\[\]<>#|!^~]/g, (c) => '\\' + c);
}

/** A URL that may be written into a citation: http or https only, nothing that breaks out of <…> or (…). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = plainText(url).trim();
  if (!/^https?:\/\/[^\s<>()"'`\\]+$/i.test(u)) return null;
  return u;
}

/** Text printed to a terminal: one line, no escape sequences. */
export function forTerminal(s: string): string {
  return plainText(s);
}

/** SARIF message text: plain, and with no `[text](link)` that a viewer would render as a link. */
export function forSarif(s: string): string {
  return plainText(s).replace(/\]\(/g, '] (');
}

/** A path or URI used as a Markdown link target: characters that end or break the target are percent-encoded. */
export function linkTarget(uri: string): string {
  return uri.replace(/[()\s<>\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29')));
}
