/**
 * The benchmark runs once at its smallest size, to prove it works (figures are never asserted:
 * timing belongs to `npm run bench`, not to pass/fail tests). What is asserted is that every
 * figure the README quotes is produced and that the verdicts it scores are right.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

test('npm run bench --quick writes results.json and RESULTS.md with every figure', () => {
  const out = mkdtempSync(join(tmpdir(), 'st-bench-out-'));
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { results: [res] } = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  assert.equal(res.articles, 300);
  assert.ok(res.quotations > 1000, `quotations ${res.quotations}`);
  for (const figure of [res.build.ms, res.memory.rssMB, res.persisted.loadMs, res.persisted.freshProcessLoadMs, res.persisted.restartWithIndexMs, res.lookup.medianMs, res.fuse.medianMs, res.ratio.lookupFuseOverOurs]) {
    assert.ok(Number.isFinite(figure) && figure >= 0, JSON.stringify(res));
  }
  // The generator's truth is scored: on the small corpus every verdict is expected right.
  for (const d of res.drafts) assert.ok(d.verdictAccuracy >= 0.95, JSON.stringify(d.byKind));
  assert.ok(res.fuse.queries >= 1);
  const md = readFileSync(join(out, 'RESULTS.md'), 'utf8');
  for (const row of ['load + extract + index', 'persisted index', 'one quotation traced', 'fuse.js ÷ ours']) assert.ok(md.includes(row), row);
});
