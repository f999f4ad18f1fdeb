/** Does a draft date a quotation, or present it as the speaker's current view? */
import { PRESENT_TENSE_VERBS } from '../extract/lexicon';
import { wordSpans } from '../text/normalize';

const MONTH = '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
const DATE_REFERENCE = new RegExp([
  `\\b(?:in|on|since|by|until|during|from|of|early|late|mid-?)\\s+${MONTH}\\b`,
  // "at her March rally", "in a June interview", "that February speech"
  `\\b(?:his|her|their|its|a|an|the|that|last|this)\\s+${MONTH}\\s+(?!\\d)[a-z]`,
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
  `\\b\\d{1,2}\\s+${MONTH}\\b`,
  `\\b(?:in|since|by|during|of)\\s+(?:early\\s+|late\\s+)?(?:19|20)\\d\\d\\b`,
  '\\b\\d{4}-\\d{2}-\\d{2}\\b',
  '\\bat the time\\b', '\\bback then\\b', '\\bthen-\\w', '\\b\\w+ (?:days|weeks|months|years) ago\\b', '\\blast (?:year|spring|summer|fall|autumn|winter)\\b',
  '\\bearlier (?:this|that|last) year\\b', '\\bin (?:the )?(?:spring|summer|fall|autumn|winter) of\\b', '\\bin (?:his|her|their) first\\b', '\\bpreviously\\b',
].join('|'), 'i');

/** A date reference in the quotation's sentence or earlier in its paragraph (text up to the sentence's end). */
export function isDated(context: string): boolean {
  return DATE_REFERENCE.test(context);
}

/** The present-tense reporting verb that presents the words as current ("says", "insists"), if any. */
export function presentTenseVerb(sentence: string): string | null {
  for (const w of wordSpans(sentence)) if (PRESENT_TENSE_VERBS.has(w.norm)) return sentence.slice(w.start, w.end);
  return null;
}

/** "in April 2025", for the quick fix that dates a quotation. */
export function monthYear(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${months[m - 1]} ${y}`;
}
