/** A second client: Debian's Neovim (0.7) runs headless against `source-trace lsp --stdio`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { requireTool } from './tools';

test('Neovim gets the diagnostics, a hover and a definition from the server', () => {
  const nvim = requireTool('nvim');
  const r = spawnSync(nvim, ['--headless', '--noplugin', '-u', join(ROOT, 'test', 'e2e', 'init.lua'), join(ROOT, 'examples', 'hegseth-nato-draft.md')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_TRACE_ROOT: ROOT, XDG_STATE_HOME: join(ROOT, '.e2e', 'nvim'), XDG_DATA_HOME: join(ROOT, '.e2e', 'nvim') }, timeout: 120_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, output);
  assert.match(r.stdout, /PASS/, output);
  for (const code of ['misattributed', 'misquote', 'outdated', 'unsourced']) assert.match(r.stdout, new RegExp(`diagnostic \\d+:\\d+ ${code} `), output);
});
