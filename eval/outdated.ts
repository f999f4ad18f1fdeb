/**
 * Outdated on real copy: the split's articles with their publication dates (metadata.tsv) as the
 * corpus, in a temporary folder; drafts that present each gold quotation of a named person in the
 * present tense ("Name says “…”"); how many are flagged outdated, how many would be by any later
 * reported change of that person (without the same-subject rule), and the flags for judging by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../server/src/engine';
import type { PolnearArticle } from './polnear';
import type { Scored } from './score';

export interface OutdatedFigures { drafted: number; flagged: number; anyLaterChange: number; examples: string[] }

export async function outdatedOnRealCopy(articles: PolnearArticle[], scored: Scored[]): Promise<OutdatedFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'source-trace-eval-'));
  try {
    for (const a of articles) {
      if (!a.date) continue;
      writeFileSync(join(dir, `${a.name}.md`), `---\ntitle: ${JSON.stringify(a.title ?? 'unknown')}\ndate: ${a.date}\n---\n\n${a.text}`);
    }
    const engine = await TraceEngine.load([dir], { extractWorkers: 0 });
    const out: OutdatedFigures = { drafted: 0, flagged: 0, anyLaterChange: 0, examples: [] };
    for (const s of scored) {
      if (s.referent === 'pronoun' || s.referent.kind !== 'person' || /["\u201C\u201D\n]|''/.test(s.gold.text)) continue;
      const draft = `${s.referent.name} says \u201C${s.gold.text}.\u201D`;
      const f = engine.check(draft).findings[0];
      if (!f?.source) continue;
      out.drafted++;
      const person = f.source.quote.person, date = f.source.article.date;
      if (person && date && engine.corpus.changesOf(person).some((c) => c.article.date && c.article.date > date)) out.anyLaterChange++;
      if (f.verdict === 'outdated' && f.outdated) {
        out.flagged++;
        out.examples.push(`${s.gold.article.name}: “${s.gold.text.slice(0, 70)}” ← ${f.outdated.change.article.date}: “${f.outdated.change.sentence.slice(0, 110)}” [${f.outdated.overlap.join(', ')}]`);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
