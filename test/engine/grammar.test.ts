/** The TextMate injection grammar, run by vscode-textmate with the real Oniguruma (WASM). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { ROOT } from '../helpers';

const INJECTION = 'markup.quotation.source-trace';
// A stand-in for VS Code's Markdown grammar: enough to host the injection and to have code spans.
const MARKDOWN = { scopeName: 'text.html.markdown', patterns: [{ name: 'markup.inline.raw.string.markdown', match: '`[^`]*`' }] };

async function grammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === INJECTION) return parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'source-trace.injection.tmLanguage.json'), 'utf8'), 'x.json');
      if (scope === 'text.html.markdown') return parseRawGrammar(JSON.stringify(MARKDOWN), 'md.json');
      return null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

function scopesOf(g: IGrammar, line: string, piece: string): string[] {
  const { tokens } = g.tokenizeLine(line, INITIAL);
  const at = line.indexOf(piece);
  const t = tokens.find((x) => x.startIndex <= at && at < x.endIndex)!;
  return t.scopes;
}

test('quotations, elisions, editorial brackets and citation markers get their own scopes', async () => {
  const g = await grammar();
  const line = 'Hegseth said “We need … to [the] table”[^2] and "straight words" [@hegseth-2025].';
  assert.ok(scopesOf(g, line, 'We need').includes('string.quoted.double.quotation.source-trace'));
  assert.ok(scopesOf(g, line, '“').includes('punctuation.definition.quotation.begin.source-trace'));
  assert.ok(scopesOf(g, line, '…').includes('markup.other.elision.source-trace'));
  assert.ok(scopesOf(g, line, '[the]').includes('markup.other.editorial-insertion.source-trace'));
  assert.ok(scopesOf(g, line, '[^2]').includes('markup.other.citation.footnote.source-trace'));
  assert.ok(scopesOf(g, line, 'straight words').includes('string.quoted.double.quotation.source-trace'));
  assert.ok(scopesOf(g, line, '[@hegseth').includes('markup.other.citation.pandoc.source-trace'));
  assert.ok(!scopesOf(g, line, 'Hegseth said').some((s) => s.includes('source-trace')), 'prose outside quotes is untouched');
});

test('no quotation scope inside code spans, and an inch mark is not a quotation', async () => {
  const g = await grammar();
  const line = 'Code `say “hi” now` and a 5" pipe.';
  assert.ok(!scopesOf(g, line, 'hi').includes('string.quoted.double.quotation.source-trace'));
  assert.ok(!scopesOf(g, line, 'pipe').includes('string.quoted.double.quotation.source-trace'));
});
