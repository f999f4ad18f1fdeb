/**
 * Corpus text reaches a draft, a terminal, SARIF or a hover only as text: a hostile article's
 * metadata, speaker names and words are escaped for where they go (text written for the test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { findingData } from '../../server/src/check/findingData';
import { applyEdits, citeEdits, exactWordingEdit } from '../../server/src/fix/quickFixes';
import { toJson, toSarif, toText } from '../../server/src/check/report';
import { sourceLink } from '../../server/src/lsp/hover';
import { forDraftMarkdown, linkTarget, plainText, safeUrl } from '../../server/src/text/sanitize';

const ESC = '\u001b[31m', RLO = '\u202E';

async function hostile() {
  const dir = mkdtempSync(join(tmpdir(), 'st-hostile-'));
  writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({
    id: 'h1', title: `Harbor <script>alert(1)</script> ${ESC}red${RLO}\n[^9]: forged`, outlet: '[click](javascript:alert(1))', date: '2024-01-01',
    url: 'javascript:alert(1)', text: `“The harbor will stay ${ESC}public${RLO} forever, whatever they say,” said Councillor Ana Ruizal.`,
  }) + '\n');
  return { dir, engine: await TraceEngine.load([dir]) };
}

test('a citation written into the draft carries no HTML, no link syntax, no forged footnote, no javascript: URL, no escape or bidi character', async () => {
  const { engine } = await hostile();
  const draft = 'Ruizal said “The harbor will stay public forever, whatever they say.”';
  const f = engine.check(draft).findings.map((x) => findingData(engine.corpus, x, 1));
  for (const style of ['footnote', 'link'] as const) {
    const out = applyEdits(draft, citeEdits(draft, f, style));
    assert.ok(!/(?<!\\)<script/.test(out), `no HTML: ${out}`);
    assert.ok(!/<javascript:|\(javascript:[^)]*\)\)$/.test(out), `no javascript: link target: ${out}`);
    assert.ok(!/(?<!\\)\]\(javascript/.test(out), `no link syntax from the outlet: ${out}`);
    assert.ok(!/\n\[\^9\]:/.test(out), 'no forged footnote line');
    assert.ok(!out.includes(ESC) && !out.includes('\u001b') && !out.includes(RLO), 'no escape or bidi');
  }
});

test('the exact-wording fix copies the words without escape or bidi characters', async () => {
  const { engine } = await hostile();
  const draft = 'Ruizal said “The harbor will stay private forever, whatever they say.”';
  const [f] = engine.check(draft).findings.map((x) => findingData(engine.corpus, x, 1));
  const fixed = applyEdits(draft, [exactWordingEdit(f)!]);
  assert.equal(fixed, 'Ruizal said “The harbor will stay public forever, whatever they say.”');
});

test('the terminal and SARIF get plain text; hover links are percent-encoded', async () => {
  const { dir, engine } = await hostile();
  const draft = 'Grant Holloway said “The harbor will stay public forever, whatever they say.”';
  const json = toJson(engine.corpus, join(dir, 'd.md'), draft, engine.check(draft), dir);
  const text = toText([json]);
  assert.ok(!text.includes(ESC) && !text.includes(RLO) && !text.includes('\n['), text);
  const sarif = JSON.stringify(toSarif([json], { version: '0.0.0', informationUri: 'https://example.invalid/readme' }));
  assert.ok(!/\]\(javascript/.test(sarif), sarif);
  assert.ok(!sarif.includes('\\u001b'), 'no escape in SARIF');
  const link = sourceLink('/tmp/odd (name)\u200B.md', 0, 0);
  assert.ok(!/[()\u200B]/.test(link.split('#')[0]), link);
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl('file:///etc/passwd'), null);
  assert.equal(safeUrl('https://news.example/a?b=1'), 'https://news.example/a?b=1');
  assert.equal(plainText(`a${ESC}b${RLO}c\u200Bd`), 'abcd');
  assert.equal(forDraftMarkdown('[x](y) <b> *z*'), '\\[x\\](y) \\<b\\> \\*z\\*');
  assert.equal(linkTarget('file:///a%20b/c(d).md'), 'file:///a%20b/c%28d%29.md');
});
