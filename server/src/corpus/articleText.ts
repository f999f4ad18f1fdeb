/**
 * Re-reads an article's text from its file when a hover wants the sentence around a quotation:
 * the index keeps only the quotations. The text is checked against the article's content hash,
 * so a file edited since it was indexed gives null (the caller shows the quotation alone)
 * rather than a sentence at the wrong offsets. A few recent texts are kept for repeated hovers.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Article } from './article';
import { decodeArticle } from './decode';
import { hashText } from './load';

const RECENT = 16;
const recent = new Map<string, string>();

export function readArticleText(article: Article): string | null {
  const key = `${article.id}\u0000${article.hash}`;
  const hit = recent.get(key);
  if (hit !== undefined) {
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  let text: string | null;
  try { text = article.span ? readLine(article.path, article.span) : decodeArticle(readFileSync(article.path)).text; } catch { return null; }
  if (text === null || hashText(text) !== article.hash) return null;
  recent.set(key, text);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return text;
}

function readLine(path: string, span: { offset: number; length: number }): string | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(span.length);
    readSync(fd, buf, 0, span.length, span.offset);
    const obj = JSON.parse(buf.toString('utf8')) as { text?: unknown };
    return typeof obj?.text === 'string' ? obj.text : null;
  } finally {
    closeSync(fd);
  }
}
