/** Rule links reach the README the package carries, whatever vsce named it, at the code's section. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleLinks } from '../../server/src/lsp/ruleLinks';

test('a rule link names the readme as the package stores it (readme.md) and the line of the code’s heading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-rule-links-'));
  writeFileSync(join(dir, 'readme.md'), '# Tool\n\n## What it tells you\n\n#### misquote\nThe words differ.\n\n#### misattributed\nSomeone else.\n');
  const links = RuleLinks.inFolder(dir);
  assert.equal(links.href('misquote'), `${pathToFileURL(join(dir, 'readme.md'))}#L5`);
  assert.equal(links.href('misattributed'), `${pathToFileURL(join(dir, 'readme.md'))}#L8`);
  // A code without a section still links the file, by anchor.
  assert.equal(links.href('capped'), `${pathToFileURL(join(dir, 'readme.md'))}#capped`);
  // A page the client names is linked by anchor, as a browser reads it.
  assert.equal(RuleLinks.at('https://example.invalid/docs').href('outdated'), 'https://example.invalid/docs#outdated');
});
