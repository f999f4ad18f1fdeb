/**
 * CoreNLP's coreference chains for the PolNeAR dev articles that have them: a machine-made,
 * silver reference that hand labels of pronoun referents are checked against.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ChainMention { start: number; end: number; text: string }
export interface Coref { chains: { representative: string; mentions: ChainMention[] }[] }

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';

/** The chains of one article, with mentions as character offsets; null when CoreNLP's file is missing. */
export function readCoref(splitDir: string, article: string): Coref | null {
  const file = join(splitDir, 'corenlp', `${article}.txt.xml`);
  if (!existsSync(file)) return null;
  const xml = readFileSync(file, 'utf8');
  // Token offsets by sentence and token id.
  const tokens = new Map<string, [number, number]>();
  const sentences = xml.split(/<sentence id="/).slice(1);
  for (const s of sentences) {
    const id = s.slice(0, s.indexOf('"'));
    for (const t of s.split(/<token id="/).slice(1)) {
      const tid = t.slice(0, t.indexOf('"'));
      tokens.set(`${id}:${tid}`, [Number(tag(t, 'CharacterOffsetBegin')), Number(tag(t, 'CharacterOffsetEnd'))]);
    }
  }
  const chains: Coref['chains'] = [];
  const corefBlock = xml.slice(xml.indexOf('<coreference>'));
  for (const chain of corefBlock.split(/<coreference>/).slice(2)) {
    const mentions: ChainMention[] = [];
    let representative = '';
    for (const m of chain.split(/<mention/).slice(1)) {
      const sid = tag(m, 'sentence'), a = Number(tag(m, 'start')), b = Number(tag(m, 'end'));
      const first = tokens.get(`${sid}:${a}`), last = tokens.get(`${sid}:${b - 1}`);
      if (!first || !last) continue;
      const text = tag(m, 'text');
      if (m.startsWith(' representative="true"')) representative = text;
      mentions.push({ start: first[0], end: last[1], text });
    }
    if (mentions.length) chains.push({ representative: representative || mentions[0].text, mentions });
  }
  return { chains };
}

/** What CoreNLP says the mention at [start, end) refers to: its chain's representative mention. */
export function corefReferent(c: Coref, start: number, end: number): string | null {
  for (const chain of c.chains) for (const m of chain.mentions) if (m.start < end && start < m.end) return chain.representative;
  return null;
}
