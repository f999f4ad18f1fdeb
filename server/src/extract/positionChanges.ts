/**
 * Sentences that report a person's position as changed ("His comments are an about-face
 * from …"). A later article saying so makes earlier quotations of that person outdated.
 */
import { tokens } from './names';
import { PRONOUNS } from './lexicon';
import { isHeadline } from './speakers';
import type { Context } from './extract';
import { sentenceEndOf, sentenceStartOf } from './extract';

export interface PositionChange {
  /** The article-local name of the person whose position changed. */
  person: string;
  /** The sentence that says so. */
  start: number;
  end: number;
  /** The change word itself ("about-face"). */
  termStart: number;
  termEnd: number;
}

// ASCII only, and a first-letter check, so the pass over every article stays cheap.
const CHANGE = /\b(?=[abcfrsuvtw])(about[- ]face|reversal|revers(?:ed|es|ing)|u-turn|walk(?:ed|s|ing)?[- ]back|walk-back|backtrack(?:ed|s|ing)?|back-?pedal(?:led|ed|ling|ing)?|flip[- ]flop(?:ped|s)?|change of heart|shift(?:ed|s)?|turnaround|volte-face)\b/gi;

/**
 * Where change words are in a text: [start, end) pairs. One regex pass over the whole text, the
 * costliest single pass of extraction, so a load runs it on the reading thread and hands the
 * offsets to the extraction worker with the text.
 */
export function changeWordsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CHANGE)) out.push(m.index!, m.index! + m[0].length);
  return out;
}

const POSITION_NOUN = /^\W+(?:\w+\W+){0,2}?(?:position|positions|stance|view|views|tone|course|message|policy|opinion|thinking|support|opposition)\b/i;

export function findPositionChanges(ctx: Context, changeWords: ArrayLike<number> = changeWordsIn(ctx.text)): PositionChange[] {
  const out: PositionChange[] = [];
  let w = 0;
  ctx.paragraphs.forEach((p, i) => {
    while (w < changeWords.length && changeWords[w] < p.start) w += 2;
    if (w >= changeWords.length || changeWords[w] >= p.end) return;
    if (isHeadline(ctx.text.slice(p.start, p.end), p === ctx.paragraphs[0])) return;
    for (; w < changeWords.length && changeWords[w] < p.end; w += 2) {
      const at = changeWords[w];
      const termEnd = changeWords[w + 1];
      if (ctx.masked(at)) continue;
      // "shifted into general election gear", "shift the focus", "a wild turnaround": a shift is a
      // change of position only when the copy says of what ("shifted his position", "a shift in tone").
      if (/^(?:shift|turnaround)/i.test(ctx.text.slice(at, termEnd)) && !POSITION_NOUN.test(ctx.text.slice(termEnd, termEnd + 40))) continue;
      const s = Math.max(sentenceStartOf(ctx, i, at), at - 400);
      // The person must be close before the change word: its subject or possessor ("His comments are an about-face").
      const before = tokens(ctx.text, s, at).filter((t) => !ctx.masked(t.start)).slice(-8);
      let person: string | undefined;
      for (let k = before.length - 1; k >= 0 && !person; k--) {
        const t = before[k];
        if (t.fold === 'who' || t.fold === 'that' || t.fold === 'which') break;
        const named = ctx.people.mentionAt(t.start, t.end);
        if (named) person = named.person.name;
        else if (PRONOUNS.has(t.fold)) person = ctx.people.resolvePronoun(t.fold, t.start)?.mention.person.name;
      }
      if (!person) {
        // "a U-turn for Calderón", "a reversal by the minister".
        const after = tokens(ctx.text, termEnd, Math.min(ctx.paragraphs[i].end, termEnd + 60)).slice(0, 4);
        if (after[0] && /^(for|by|from)$/.test(after[0].fold)) for (const t of after.slice(1)) {
          const named = ctx.people.mentionAt(t.start, t.end);
          if (named) { person = named.person.name; break; }
        }
      }
      if (!person) continue;
      out.push({ person, start: sentenceStartOf(ctx, i, at), end: sentenceEndOf(ctx, i, at), termStart: at, termEnd });
    }
  });
  return out;
}
