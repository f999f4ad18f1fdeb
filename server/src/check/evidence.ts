/**
 * How a corpus attribution was established, in words a journalist reads in a hover: the rule
 * that decided who speaks, and whether it is strong enough to rest a warning on (misattributed
 * is raised only on confident evidence, see checkDraft).
 */
import { confidentSpeaker, type Speaker, type Mention } from '../extract/extract';

const HOW: Record<NonNullable<Speaker['via']>, (m: string) => string> = {
  name: (m) => `named with the reporting verb (${m})`,
  transcript: (m) => `a transcript label (${m})`,
  pronoun: (m) => `the pronoun “${m}”, resolved to the person it agrees with`,
  'pronoun-guess': (m) => `the pronoun “${m}”, resolved to the nearest person (the article does not say which of he or she fits)`,
  role: (m) => `the role “${m}”, resolved in the article`,
  'lone-name': (m) => `“${m}”, a capitalised word the article never gives as a full name`,
  organization: (m) => `“${m}”, a source that is not a person`,
  unnamed: (m) => `an unnamed speaker (“${m}”)`,
  carried: (m) => `carried from the paragraph before, where ${m} is the speaker`,
  'sentence-subject': (m) => `the subject of the sentence (${m}), for a participle such as “calling”`,
  'clause-subject': (m) => `the subject of the sentence the quotation stands in (${m}); no verb of saying names the speaker`,
};

export interface AttributionEvidence {
  /** The rule in words: "named as the subject of “said” (Hegseth)". */
  how: string;
  /** Strong enough for a misattributed warning. */
  confident: boolean;
}

export function attributionEvidence(speaker: Speaker | null, mention: Mention | null): AttributionEvidence | null {
  if (!speaker) return null;
  const how = speaker.via ? HOW[speaker.via](mention?.text ?? speaker.name) : `found as ${mention?.text ?? speaker.name}`;
  return { how, confident: confidentSpeaker(speaker) };
}
