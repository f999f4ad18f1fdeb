/**
 * Reporting cues: the verbs news copy uses to give words to a source. Written as base forms
 * (the cue verbs of the PARC attribution corpus and what political copy adds: fumed, quipped,
 * tweeted, scoffed …), inflected here once, so a rule asks one Set per token.
 */

/** Base forms; `x|y` gives irregular past forms. */
const BASES = `
  say|said tell|told add ask write|wrote|written post tweet warn insist argue maintain claim note state
  explain declare announce reply respond continue pitch call describe recall stress acknowledge admit
  concede suggest urge vow promise deny predict emphasize emphasise underscore remark quip joke boast
  complain counter contend observe pledge shout text testify reiterate caution agree object assert affirm
  lament muse threaten allege recount answer wonder fume scoff snap retort exclaim proclaim yell scream
  whisper sigh laugh chant sing|sang|sung read|read|read report conclude offer charge accuse tout hail
  praise criticize criticise attack mock ridicule lambaste decry deride denounce condemn question demand
  blast slam dismiss brand dub term label blame confirm reveal disclose estimate advise concur mention
  interject gush rave rail thunder grumble mutter murmur sneer tease taunt insinuate opine reason
  comment elaborate specify point declare predict forecast project speculate theorize acknowledge
  confess apologize apologise plead beg implore caution assure reassure promise guarantee swear|swore|sworn
  brag crow trumpet champion defend justify rebut refute contradict dispute correct clarify
  retweet share|shared blog email message characterize characterise retaliate
`;

const PROGRESSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", '\u2019s', 'keeps', 'kept']);

function inflect(base: string): { finite: string[]; participle: string } {
  const [b, past, pp] = base.split('|');
  const stem = b.endsWith('e') && !b.endsWith('ee') ? b.slice(0, -1) : b;
  const doubled = /^(?:snap|chat|quip|plan|stop|admit|commit|regret|rebut|abet|slam|dub|sob)$/.test(b) ? b + b[b.length - 1] : null;
  const ed = past ?? (b.endsWith('y') && !/[aeiou]y$/.test(b) ? b.slice(0, -1) + 'ied' : doubled ? doubled + 'ed' : stem + (b.endsWith('e') ? 'ed' : 'ed'));
  const s = /(?:s|sh|ch|x|z)$/.test(b) ? b + 'es' : b.endsWith('y') && !/[aeiou]y$/.test(b) ? b.slice(0, -1) + 'ies' : b + 's';
  const ing = (doubled ?? (b.endsWith('ie') ? b.slice(0, -2) + 'y' : b.endsWith('ee') ? b : stem)) + 'ing';
  const finite = [b, s, ed];
  if (pp) finite.push(pp);
  return { finite, participle: ing };
}

const finite = new Set<string>();
const participles = new Set<string>();
for (const base of BASES.split(/\s+/).filter(Boolean)) {
  const f = inflect(base);
  for (const w of f.finite) finite.add(w);
  participles.add(f.participle);
}
// Base forms that are mostly nouns or adjectives in copy: only their inflections are cues.
for (const w of ['state', 'point', 'question', 'text', 'post', 'call', 'note', 'counter', 'object', 'answer', 'offer', 'charge', 'attack', 'project', 'email', 'message', 'report', 'claim', 'comment', 'blog', 'share', 'read', 'label', 'term', 'correct', 'demand', 'joke', 'tweet', 'pitch', 'promise', 'estimate', 'forecast', 'champion', 'trumpet', 'dub', 'brand', 'blast', 'slam', 'chant', 'praise', 'mock', 'reason']) finite.delete(w);

/** Finite reporting verbs: the subject before them (or the name after them) is the speaker. */
export const SPEECH_VERBS: ReadonlySet<string> = finite;
/** Participles of reporting verbs: "he said, adding that …", "is calling it …". */
export const CUE_PARTICIPLES: ReadonlySet<string> = participles;

/** "is calling", "was claiming", "’s demanding": a progressive reporting verb is a finite cue. */
export function progressiveAt(folds: string[], k: number): boolean {
  return CUE_PARTICIPLES.has(folds[k]) && k > 0 && PROGRESSIVE_AUX.has(folds[k - 1]);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each', 'such', 'whose', 'of', 'many', 'several', 'few', 'own', 'recent', 'earlier', 'latest', 'first', 'new']);

/** "his comments", "the reports", "Trump’s claims": after a determiner or a possessive the word is a noun, not a cue. */
export function nounReading(prev: { fold: string; possessive: boolean } | undefined): boolean {
  return !!prev && (prev.possessive || DETERMINERS.has(prev.fold));
}

/** Verbs that report speech with a particle after them: "shot back", "hit back", "lashed out". */
export const PHRASAL_CUES: ReadonlySet<string> = new Set(['shot', 'fired', 'hit', 'pushed', 'struck', 'lashed', 'spoke', 'speaks', 'shoots', 'fires', 'hits', 'lashes', 'snapped', 'wrote', 'called', 'cried']);
