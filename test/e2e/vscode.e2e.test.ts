/**
 * The product as a user meets it, in a real VS Code: code-server in headless Chromium.
 * 1. The @vscode/test-electron suite (test/suite) runs unchanged inside the real extension host.
 * 2. UI tests through the workbench's DOM: hover, Problems panel, the Cite source quick fix, F12.
 *    They take the README's screenshots (docs/).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { codeServerTools, type CodeServerTools } from './tools';
import { startCodeServer, workbenchUrl, type RunningCodeServer } from './codeServer';

type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

let tools: CodeServerTools;
let cs: RunningCodeServer;
let browser: Browser;
const EXAMPLES = join(ROOT, 'examples');
const DOCS = join(ROOT, 'docs');

before(async () => {
  tools = codeServerTools();
  cs = await startCodeServer(tools);
  const { chromium } = require(tools.playwright) as typeof import('playwright-core');
  browser = await chromium.launch({ executablePath: tools.chromium, args: ['--no-sandbox', '--disable-gpu'] });
  mkdirSync(DOCS, { recursive: true });
});

after(async () => {
  await browser?.close();
  cs?.stop();
});

test('the extension-host suite (test/suite, @vscode/test-electron contract) passes in a real VS Code', async () => {
  const page = await browser.newPage();
  const logs: string[] = [];
  const exit = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => { logs.push(`${type}: ${args.map(String).join(' ')}`); });
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.goto(workbenchUrl(cs, EXAMPLES, ROOT, join(ROOT, 'dist', 'test', 'suite', 'index.js')));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => { timer = setTimeout(() => reject(new Error(`the suite did not finish in 180 s\n${logs.join('\n')}\n${cs.log().slice(-2000)}`)), 180_000); });
  const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
  await page.close();
  assert.equal(code, 0, logs.join('\n'));
  assert.ok(logs.some((l) => /5 passed, 0 failed/.test(l)), logs.join('\n'));
});

async function openDraft(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(cs, EXAMPLES, ROOT));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Quick Open the sample draft.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 30_000 });
  await page.keyboard.type('hegseth-nato-draft.md');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: 'He confirmed once again' }).waitFor({ timeout: 30_000 });
  return page;
}

// The innermost span: a token of the line (our grammar makes the quotation its own token).
const word = (page: Page, text: string) => page.locator('.monaco-editor .view-line span span', { hasText: text }).first();

let page: Page;

test('UI: hovering a misattributed quotation names the real speaker and the source', async () => {
  page = await openDraft();
  // The server takes a moment to start: hover again until the hover shows the trace (bounded).
  // The diagnostic's own hover names Pevkur too; the role line is only in the trace hover.
  const hover = page.locator('.monaco-hover', { hasText: 'Estonian defense minister' });
  const deadline = Date.now() + 90_000;
  while (!(await hover.isVisible())) {
    assert.ok(Date.now() < deadline, 'no trace hover within 90 s');
    await page.mouse.move(0, 0);
    await word(page, 'He confirmed once again').hover();
    await hover.waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  const text = await hover.innerText();
  assert.match(text, /Misattributed/);
  assert.match(text, /Hanno Pevkur/);
  assert.match(text, /2025-10-15/);
  await page.screenshot({ path: join(DOCS, 'hover.png') });
});

test('UI: the Problems panel lists every code of the sample', async () => {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  let all = '';
  for (;;) {
    all = (await rows.allInnerTexts()).join('\n');
    if (['misattributed', 'misquote', 'outdated', 'unsourced'].every((c) => all.includes(c)) || Date.now() > deadline) break;
    await rows.last().waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  for (const code of ['misattributed', 'misquote', 'outdated', 'unsourced']) assert.ok(all.includes(code), `${code} in the Problems panel:\n${all}`);
  await page.screenshot({ path: join(DOCS, 'problems.png') });
});

test('UI: the Cite source quick fix from the lightbulb menu writes the citation', async () => {
  await word(page, 'If there are security guarantees').click();
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Cite source' });
  await item.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(DOCS, 'quickfix.png') });
  await item.click();
  await page.locator('.monaco-editor .view-line', { hasText: '[^1]' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+Z');
});

test('UI: F12 on a quotation opens the source article at the quotation', async () => {
  await word(page, 'He confirmed once again').click();
  await page.keyboard.press('F12');
  await page.locator('.tab.active', { hasText: '2025-10-15-hegseth-impose-costs-on-russia.md' }).waitFor({ timeout: 30_000 });
  // The source article is open and scrolled to the quotation (its line is rendered, with the speaker).
  await page.locator('.monaco-editor .view-line', { hasText: 'He confirmed once again' }).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(DOCS, 'definition.png') });
  await page.close();
});

test('npm run package makes a .vsix that installs in VS Code', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const pack = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(pack.status, 0, pack.stderr + pack.stdout);
  const vsix = join(ROOT, readdirSync(ROOT).find((f) => f.endsWith('.vsix'))!);
  const extensions = mkdtempSync(join(tmpdir(), 'st-vsix-'));
  const install = spawnSync(tools.node, [tools.codeServer, '--extensions-dir', extensions, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: extensions } });
  assert.equal(install.status, 0, install.stderr + install.stdout);
  assert.match(install.stdout, /successfully installed/i);
  assert.ok(readdirSync(extensions).some((d) => d.startsWith('source-trace.source-trace-')), readdirSync(extensions).join(', '));
});
