/**
 * The index keeps no article text: a hover re-reads the source for the sentence around the
 * quotation, and says so (showing the quotation alone) when the file changed since it was indexed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { quotationHover } from '../../server/src/lsp/hover';
import { SEED_CORPUS } from '../helpers';

const DRAFT = 'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”';

async function traced() {
  const dir = mkdtempSync(join(tmpdir(), 'st-hover-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  const engine = await TraceEngine.load([join(dir, 'corpus')]);
  const finding = engine.check(DRAFT).findings[0];
  assert.equal(finding.verdict, 'misattributed');
  return { engine, finding };
}

test('a hover shows the source sentence, re-read from the file', async () => {
  const { engine, finding } = await traced();
  const hover = quotationHover(engine.corpus, finding);
  assert.match(hover, /Estonian defense minister Hanno Pevkur said in an interview/, 'the sentence around the quotation, from the file');
  assert.doesNotMatch(hover, /changed since it was indexed/);
});

test('a hover on a source edited since indexing shows the quotation alone and says why', async () => {
  const { engine, finding } = await traced();
  appendFileSync(finding.source!.article.path, '\nA correction was appended.\n');
  const stale = quotationHover(engine.corpus, finding);
  assert.match(stale, /\*\*He confirmed once again that the U/, "the quotation's words in bold");
  assert.doesNotMatch(stale, /said in an interview/);
  assert.match(stale, /_The source file changed since it was indexed\._/);
});
