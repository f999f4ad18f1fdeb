/** Hover Markdown for a traced quotation and for a person's name. Every corpus string is escaped. */
import { pathToFileURL } from 'node:url';
import type { Finding } from '../check/checkDraft';
import type { TraceCorpus } from '../index/traceCorpus';
import type { Person } from '../people/registry';
import { escapeMarkdown as esc } from './markdown';
import { linkTarget } from '../text/sanitize';
import { articleLabel } from '../check/messages';
import { readArticleText } from '../corpus/articleText';
import type { Article } from '../corpus/article';
import { attributionEvidence } from '../check/evidence';
import { confidentSpeaker } from '../extract/extract';

const LABEL: Record<Finding['verdict'], string> = {
  verified: '✓ Verified', misquote: '⚠ Misquoted', misattributed: '⚠ Misattributed', outdated: '⏲ Outdated', unsourced: '? Unsourced',
};

/** The sentence around [start, end) in a source, stopping at sentence ends outside the quotation. */
export function sentenceAround(text: string, open: number, close: number): { start: number; end: number } {
  let a = open;
  const floor = Math.max(0, open - 400);
  while (a > floor) {
    const c = text[a - 1];
    if (c === '\n' || (/[.?!]/.test(c) && /\s/.test(text[a] ?? ''))) break;
    a--;
  }
  let b = close;
  const ceil = Math.min(text.length, close + 400);
  while (b < ceil && text[b] !== '\n') {
    if (/[.?!]/.test(text[b]) && (b + 1 >= text.length || /[\s]/.test(text[b + 1]))) { b++; break; }
    b++;
  }
  while (a < b && /\s/.test(text[a])) a++;
  return { start: a, end: b };
}

export function sourceLink(path: string, line: number, character: number): string {
  // A ")" or an invisible character in a file name must not end or disguise the link target.
  return `${linkTarget(pathToFileURL(path).toString())}#L${line + 1},${character + 1}`;
}

/**
 * The hover leads with the answer: the verdict in a line, then what to do first (the quick fix
 * Ctrl+. offers), then the word diff; the evidence (speaker, how found, source, sentence) after.
 * The diagnostic's own message is not repeated.
 */
export function quotationHover(corpus: TraceCorpus, f: Finding): string {
  const lines: string[] = [];
  const s = f.source;
  if (!s) {
    lines.push(`**${LABEL.unsourced}**: no article in the corpus carries these words${f.attributedTo ? ` (the draft gives them to ${esc(f.attributedTo)})` : ''}.`,
      '', '_First:_ add the source article to the corpus, or check the wording against your notes.');
    return lines.join('\n');
  }
  const q = s.quote;
  const speaker = s.speaker ? esc(s.speaker) : 'no one named';
  const where = [s.article.outlet ?? articleLabel(s.article), s.article.date ?? 'undated'].map(esc).join(', ');
  lines.push(`**${LABEL[f.verdict]}**: ${leadOf(f, speaker, where)}`);
  const todo = firstStep(f);
  if (todo) lines.push('', `_First:_ ${todo}`);
  if (f.codes.includes('misquote')) {
    lines.push('');
    for (const c of s.changes) {
      if (c.op === 'replace') lines.push(`- ~~${esc(c.draft)}~~ → **${esc(c.source)}**`);
      else if (c.op === 'insert') lines.push(`- added ~~${esc(c.draft)}~~`);
      else lines.push(`- dropped **${esc(c.source)}**`);
    }
    lines.push('', `Source wording: “${esc(s.wording)}”`);
  }
  if (f.outdated) {
    const c = f.outdated.change;
    const r = corpus.rangeIn(c.article, c.start, c.end);
    lines.push('', `**Position changed since ${esc(s.article.date ?? '')}:** “${esc(c.sentence)}” — ${esc(articleLabel(c.article))}, ${esc(c.article.date ?? '')} ([open](${sourceLink(c.article.path, r.start.line, r.start.character)}))`);
    lines.push(`On the same subject: ${f.outdated.overlap.slice(0, 6).map(esc).join(', ')}`);
  }
  lines.push('', '---', '');
  const person = q.person;
  const roles = person?.roles.length ? ` — ${esc(person.roles[0])}` : q.speaker?.roles.length ? ` — ${esc(q.speaker.roles[0])}` : '';
  const kind = q.speaker?.kind === 'organization' ? ' _(an organisation or document)_' : '';
  lines.push(`**Speaker:** ${s.speaker ? esc(s.speaker) : '_no speaker named in the source_'}${kind}${roles}  `);
  const evidence = attributionEvidence(q.speaker, q.speakerMention);
  if (evidence) lines.push(`**Found by:** ${esc(evidence.how)}${evidence.confident ? '' : ' — _the corpus does not establish who said it_'}  `);
  const disputed = f.alsoIn.filter((m) => m.speaker && m.speaker !== s.speaker && confidentSpeaker(m.quote.speaker));
  if (disputed.length) lines.push(`**Disputed:** ${disputed.slice(0, 3).map((m) => `${esc(m.speaker!)} in ${esc(articleLabel(m.article))}`).join('; ')} also said to have said these words  `);
  lines.push(`**Source:** ${[s.article.outlet ?? 'outlet unknown', articleLabel(s.article), s.article.date ?? 'undated'].map(esc).join(' · ')}${metaNote(s.article)}`);
  // The index keeps no article text: the sentence around the quotation is re-read from the file
  // (the quotation alone when the file changed since it was indexed).
  const text = readArticleText(s.article);
  if (text !== null) {
    const around = sentenceAround(text, q.start - 1, q.end + 1);
    lines.push('', `> ${esc(text.slice(around.start, s.start))}**${esc(text.slice(s.start, s.end))}**${esc(text.slice(s.end, around.end))}`);
  } else {
    lines.push('', `> ${esc(q.text.slice(0, s.start - q.start))}**${esc(s.wording)}**${esc(q.text.slice(s.end - q.start))}`, '', '_The source file changed since it was indexed._');
  }
  if (f.alsoIn.length) {
    lines.push('', `**Also in:** ` + f.alsoIn.slice(0, 5).map((m) => {
      const r = corpus.rangeIn(m.article, m.start, m.end);
      return `[${esc([m.article.outlet ?? m.article.title ?? 'article', m.article.date ?? 'undated'].join(', '))}](${sourceLink(m.article.path, r.start.line, r.start.character)})`;
    }).join(' · ') + (f.alsoIn.length > 5 ? ` and ${f.alsoIn.length - 5} more` : ''));
  }
  const r = corpus.rangeIn(s.article, s.start, s.end);
  lines.push('', `[Open the source at the quotation](${sourceLink(s.article.path, r.start.line, r.start.character)})`);
  return lines.join('\n');
}

/** The verdict in one sentence, with who said the words and where. */
function leadOf(f: Finding, speaker: string, where: string): string {
  const draft = f.attributedTo ? esc(f.attributedTo) : null;
  switch (f.verdict) {
    case 'misattributed': return `said by **${speaker}**, not ${draft ?? 'the person the draft names'} (${where}).`;
    case 'misquote': {
      const n = f.source!.changes.length;
      return `${speaker}'s words (${where}), with ${n} ${n === 1 ? 'change' : 'changes'}:`;
    }
    case 'outdated': return `${speaker} said this (${where}); a later article reports the position changed.`;
    default: return `${speaker} (${where}).`;
  }
}

/** The quick fix to reach for first, as Ctrl+. lists it. */
function firstStep(f: Finding): string | null {
  if (f.codes.includes('misquote')) return '_Use the source’s exact wording_ (Ctrl+.).';
  if (f.codes.includes('misattributed') && f.source?.speaker) return `_Attribute to ${esc(f.source.speaker)}_ (Ctrl+.), or check who said it.`;
  if (f.codes.includes('outdated')) return '_Date this quotation_ (Ctrl+.), or quote the later position.';
  return null;
}

/** " _(title from its first line, date from its file name)_": where a plain-text article's metadata was read. */
function metaNote(a: Article): string {
  const m = a.metaFrom;
  if (!m) return '';
  const parts = [m.title && `title from its ${m.title}`, m.date && `date from its ${m.date}`].filter(Boolean);
  return parts.length ? ` _(${parts.join(', ')})_` : '';
}

/** Who the corpus knows a name to be: the canonical name, roles, how else it is written, and the articles that quote them. */
export function personHover(person: Person | null, written: string, articles: Article[] = []): string {
  if (!person) return `**${esc(written)}**: not a speaker the corpus knows.`;
  const others = [...person.forms].filter((f) => f !== written.toLowerCase());
  const lines = [`**${esc(person.name)}**${person.roles.length ? ` — ${esc(person.roles.slice(0, 3).join('; '))}` : ''}`, '',
    `${person.quoteCount} quotation${person.quoteCount === 1 ? '' : 's'} in the corpus${person.curated ? ', named in the people file' : ''}.`];
  if (others.length) lines.push('', `Also written: ${others.slice(0, 6).map(esc).join(', ')}`);
  if (articles.length) {
    lines.push('', '**Quoted in:**');
    for (const a of articles.slice(0, 5)) lines.push(`- ${[a.outlet, articleLabel(a), a.date].filter(Boolean).map((x) => esc(x!)).join(' · ')}`);
    if (person.quoteCount > 0 && articles.length > 5) lines.push(`- and more`);
  }
  return lines.join('\n');
}
