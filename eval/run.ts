/**
 * npm run eval -- --polnear ../shared/eval-data/polnear/dev [--other ../shared/eval-data/polnear/train] [--failures N [--context]] [--json FILE]
 *
 * Accuracy on real copy, as figures (never pass/fail): extraction and attribution scored against
 * PolNeAR's human annotations, then drafts built from the split's gold quotations with planted
 * faults, checked against the split as the corpus, with each verdict's precision and recall.
 * Nothing of the evaluation text is written anywhere but this process's output.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TraceEngine } from '../server/src/engine';
import type { CorpusQuote } from '../server/src/index/traceCorpus';
import { goldQuotes, readSplit, type GoldQuote, type PolnearArticle } from './polnear';
import { parseLabels, scoreQuote, type Labels, type Scored } from './score';
import { buildDrafts, scoreDrafts } from './drafts';
import { corefReferent, readCoref } from './corenlp';
import { outdatedOnRealCopy } from './outdated';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const split = opt('--polnear');
if (!split || !existsSync(join(split, 'text'))) {
  console.error('usage: npm run eval -- --polnear <PolNeAR split folder, e.g. ../shared/eval-data/polnear/dev> [--other <another split>] [--failures N]');
  process.exit(2);
}
const splitName = basename(resolve(split));
const otherSplit = opt('--other') ?? join(dirname(resolve(split)), splitName === 'dev' ? 'train' : 'dev');
const showFailures = Number(opt('--failures') ?? 0);
const labelsFile = join(__dirname, 'labels', 'polnear-referents.tsv');
const labels: Labels = existsSync(labelsFile) ? parseLabels(readFileSync(labelsFile, 'utf8')) : new Map();

const pct = (n: number, d: number) => d ? (n / d).toFixed(3) : '-';

async function main() {
  const articles = readSplit(split!);
  const gold = articles.flatMap((a) => goldQuotes(a));
  const t0 = performance.now();
  const engine = await TraceEngine.load([join(split!, 'text')], { extractWorkers: 0 });
  const loadMs = performance.now() - t0;
  const corpus = engine.corpus;
  const byPath = new Map<string, CorpusQuote[]>();
  for (const q of corpus.quotes) if (q) { const list = byPath.get(resolve(q.article.path)) ?? []; list.push(q); byPath.set(resolve(q.article.path), list); }
  const speakerName = (q: CorpusQuote) => corpus.speakerName(q);
  const scored: Scored[] = gold.map((g) => scoreQuote(g, byPath.get(resolve(g.article.path)) ?? [], labels, speakerName));

  const found = scored.filter((s) => s.found).length;
  const speakerRight = scored.filter((s) => s.speakerRight).length;
  const judged = scored.filter((s) => s.personRight !== null);
  const personRight = judged.filter((s) => s.personRight).length;
  const labelled = gold.filter((g) => labels.has(`${g.article.name}:${g.start}`)).length;
  console.log(`PolNeAR ${splitName}: ${articles.length} articles, ${gold.length} gold direct quotations of 3+ words (${(loadMs / 1000).toFixed(1)} s to load and index)`);
  console.log('');
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| quotations found | ${pct(found, gold.length)} (${found}/${gold.length}) |`);
  console.log(`| speaker right (mention overlaps the source or shares a word) | ${pct(speakerRight, gold.length)} (${speakerRight}/${gold.length}) |`);
  console.log(`| named person right, of all gold quotations | ${pct(personRight, gold.length)} (${personRight}/${gold.length}; ${gold.length - judged.length} pronoun sources without a label count as wrong) |`);
  console.log(`| named person right, of judged quotations | ${pct(personRight, judged.length)} (${personRight}/${judged.length}; ${labelled} referents labelled by hand) |`);

  const causes = new Map<string, number>();
  for (const s of scored) if (s.cause || s.personRight === null) { const c = s.cause ?? 'pronoun source without a label'; causes.set(c, (causes.get(c) ?? 0) + 1); }
  console.log('');
  console.log('Failures by cause (named person not right):');
  for (const [c, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${c}`);

  // People the registry holds that no gold source of the split names: where non-persons show up.
  const sourceWords = new Set(gold.flatMap((g) => g.sourceText.toLowerCase().split(/[^\p{L}]+/u)));
  for (const a of articles) for (const at of a.attributions) for (const s of at.sources) for (const w of a.text.slice(s.start, s.end).toLowerCase().split(/[^\p{L}]+/u)) sourceWords.add(w);
  const persons = corpus.people.persons.filter((p) => !p.curated);
  const suspects = persons.filter((p) => !p.name.toLowerCase().split(/[^\p{L}]+/u).some((w) => w.length > 2 && sourceWords.has(w)));
  console.log('');
  console.log(`Registry: ${persons.length} persons; ${suspects.length} named by no annotated source of the split (where non-persons would be):`);
  console.log('  ' + suspects.slice(0, 80).map((p) => p.name).join(' · '));

  if (showFailures) {
    console.log('');
    console.log(`First ${showFailures} failures:`);
    for (const s of scored.filter((x) => x.cause).slice(0, showFailures)) {
      const q = s.found;
      console.log(`- [${s.cause}] ${s.gold.article.name}:${s.gold.start} gold=${JSON.stringify(s.gold.sourceText)} ref=${typeof s.referent === 'string' ? s.referent : s.referent.name} engine=${q?.speaker ? JSON.stringify(corpus.speakerName(q) ?? q.speaker.name) : 'none'} mention=${q?.speakerMention ? JSON.stringify(q.speakerMention.text) : '-'}`);
      // --context: the text around the quotation, to read why (printed here only, never stored).
      if (args.includes('--context')) {
        const t = s.gold.article.text, a = Math.min(s.gold.start, ...s.gold.sources.map((x) => x.start));
        console.log(`    …${t.slice(Math.max(0, a - 200), a).replace(/\s+/g, ' ')}⟦${t.slice(a, Math.min(t.length, s.gold.end + 160)).replace(/\s+/g, ' ')}⟧`);
      }
    }
  }

  // Hand labels checked against CoreNLP's coreference, where the split has it.
  let checked = 0, agree = 0;
  const disagreements: string[] = [];
  for (const s of scored) {
    const label = labels.get(`${s.gold.article.name}:${s.gold.start}`);
    if (!label || label.kind !== 'person') continue;
    const coref = readCoref(split!, s.gold.article.name);
    const ref = coref && s.gold.sources[0] ? corefReferent(coref, s.gold.sources[0].start, s.gold.sources[0].end) : null;
    if (!ref) continue;
    checked++;
    const surname = label.name.split(/\s+/).pop()!.toLowerCase();
    if (ref.toLowerCase().includes(surname)) agree++; else disagreements.push(`${s.gold.article.name}:${s.gold.start} label ${label.name}, CoreNLP ${ref}`);
  }
  if (checked) {
    console.log('');
    console.log(`Hand labels against CoreNLP's coreference: ${agree}/${checked} agree${disagreements.length ? '; where they differ:' : ''}`);
    for (const d of disagreements.slice(0, 20)) console.log(`  ${d}`);
  }

  if (args.includes('--label-candidates')) {
    for (const s of scored) {
      if (s.referent !== 'pronoun') continue;
      const g = s.gold, src = g.sources[0];
      const coref = readCoref(split!, g.article.name);
      const ref = coref && src ? corefReferent(coref, src.start, src.end) : null;
      const ctx = g.article.text.slice(Math.max(0, src.start - 260), src.start).replace(/\s+/g, ' ');
      console.log(`${g.article.name}\t${g.start}\t${JSON.stringify(g.sourceText)}\tcorenlp=${ref ?? '-'}\t…${ctx}【${g.article.text.slice(src.start, src.end)}】`);
    }
    return;
  }

  const other = existsSync(join(otherSplit, 'text')) ? readSplit(otherSplit).flatMap((a) => goldQuotes(a)) : [];
  const drafts = buildDrafts(scored, other);
  const verdicts = scoreDrafts(engine, drafts, opt('--show-verdict'));
  console.log('');
  console.log(`Drafts from the gold quotations (${drafts.length} drafts, ${drafts.reduce((n, d) => n + d.planted.length, 0)} quotations, unsourced ones from ${basename(otherSplit)}):`);
  console.log('');
  console.log('| verdict | planted | flagged | precision | recall |');
  console.log('|---|---|---|---|---|');
  for (const v of verdicts) console.log(`| ${v.verdict} | ${v.planted} | ${v.flagged} | ${pct(v.truePositives, v.flagged)} | ${pct(v.truePositives, v.planted)} |`);
  const o = await outdatedOnRealCopy(articles, scored);
  console.log('');
  console.log(`Outdated on present-tense drafts (the split dated by metadata.tsv): ${o.drafted} quotations drafted as "Name says “…”", ${o.anyLaterChange} by a person with a later reported change, ${o.flagged} flagged outdated (on the same subject)`);
  for (const e of o.examples.slice(0, args.includes('--show-outdated') ? 200 : 5)) console.log(`  ${e}`);
  // The figures once more, last, where a `tail` of the output finds them.
  const mis = verdicts.find((v) => v.verdict === 'misattributed')!;
  console.log('');
  console.log(`Summary (${splitName}): quotations found ${pct(found, gold.length)} · speaker right ${pct(speakerRight, gold.length)} · named person right ${pct(personRight, gold.length)} of all, ${pct(personRight, judged.length)} of judged · misattributed precision ${pct(mis.truePositives, mis.flagged)} recall ${pct(mis.truePositives, mis.planted)} · outdated flags ${o.flagged}/${o.drafted}`);
  const json = opt('--json');
  if (json) writeFileSync(json, JSON.stringify({ split: splitName, gold: gold.length, found, speakerRight, personRight, judged: judged.length, causes: Object.fromEntries(causes), verdicts, outdated: { drafted: o.drafted, anyLaterChange: o.anyLaterChange, flagged: o.flagged } }, null, 2));
}

export type { GoldQuote, PolnearArticle };
main().catch((e) => { console.error(e); process.exit(1); });
