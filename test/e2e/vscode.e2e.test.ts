/**
 * The product as a user meets it, in a real VS Code: code-server in headless Chromium, running
 * the extension as the .vsix installs it (`npm run package`, then code-server's
 * --install-extension), not the repository folder: a file the package leaves out or renames
 * (vsce stores README.md as readme.md) fails here as it would for a user.
 * 1. The @vscode/test-electron suite (test/suite) runs unchanged inside the real extension host.
 * 2. UI tests through the workbench's DOM: hover, Problems panel, the Cite source quick fix, F12,
 *    the status bar and the quotation list. They take the README's screenshots (docs/).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { codeServerTools, type CodeServerTools } from './tools';
import { startCodeServer, workbenchUrl, type RunningCodeServer } from './codeServer';

type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

let tools: CodeServerTools;
let cs: RunningCodeServer;
let browser: Browser;
/** The extension as installed from the .vsix. */
let installed: string;
const EXAMPLES = join(ROOT, 'examples');
const DOCS = join(ROOT, 'docs');

before(async () => {
  tools = codeServerTools();
  const pack = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(pack.status, 0, pack.stderr + pack.stdout);
  const vsix = join(ROOT, readdirSync(ROOT).find((f) => f.endsWith('.vsix'))!);
  const extensions = mkdtempSync(join(tmpdir(), 'st-vsix-'));
  const install = spawnSync(tools.node, [tools.codeServer, '--extensions-dir', extensions, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: extensions } });
  assert.equal(install.status, 0, install.stderr + install.stdout);
  assert.match(install.stdout, /successfully installed/i);
  const folder = readdirSync(extensions).find((d) => d.startsWith('source-trace.source-trace-'));
  assert.ok(folder, readdirSync(extensions).join(', '));
  installed = join(extensions, folder);
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
  await page.goto(workbenchUrl(cs, EXAMPLES, installed, join(ROOT, 'dist', 'test', 'suite', 'index.js')));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => { timer = setTimeout(() => reject(new Error(`the suite did not finish in 180 s\n${logs.join('\n')}\n${cs.log().slice(-2000)}`)), 180_000); });
  const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
  await page.close();
  assert.equal(code, 0, logs.join('\n'));
  assert.ok(logs.some((l) => /\d+ passed, 0 failed/.test(l)), logs.join('\n'));
});

async function openDraft(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(cs, EXAMPLES, installed));
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
  // The source opened read-only: typing changes neither the editor nor the corpus file.
  const source = join(ROOT, 'corpus', '2025-10-15-hegseth-impose-costs-on-russia.md');
  const before = readFileSync(source, 'utf8');
  await page.keyboard.press('End');
  await page.keyboard.type('TYPED INTO THE SOURCE');
  await page.keyboard.press('Control+S');
  await page.locator('.monaco-editor', { hasText: 'read-only' }).or(page.locator('.monaco-editor-overlaymessage', { hasText: /read-only|Cannot edit/i })).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'TYPED INTO THE SOURCE' }).count(), 0);
  assert.equal(readFileSync(source, 'utf8'), before);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+W');
});

test('UI: the status bar shows the draft’s tally; clicking it lists the quotations, one line each with the draft’s and the source’s speaker', async () => {
  // The draft's tally replaces the corpus line once the draft is active again (the source tab closed).
  const item = page.locator('.statusbar-item', { hasText: /\d+ quotes\s*\d/ });
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /8 quotes\s*3\s*\S*\s*1/);
  await page.locator('.part.statusbar').screenshot({ path: join(DOCS, 'statusbar.png') });
  await item.click();
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  const all = (await rows.allInnerTexts()).join('\n');
  assert.match(all, /misattributed · draft: Pete Hegseth · source: Hanno Pevkur/);
  assert.doesNotMatch(all, /↵|⏎/);
  // The list fades in: the screenshot waits for its animations to end (an event, not a delay).
  await page.locator('.quick-input-widget').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a: { finished: Promise<unknown> }) => a.finished)));
  await page.screenshot({ path: join(DOCS, 'quotations.png') });
  await page.keyboard.press('Escape');
});

test('UI: the Source Trace view in the activity bar lists the draft’s findings and the corpus', async () => {
  await page.locator('.activitybar .action-item a[aria-label^="Source Trace"]').click();
  const findings = page.locator('.pane', { hasText: 'Findings' }).locator('.monaco-list-row', { hasText: 'Misattributed' });
  await findings.first().waitFor({ timeout: 30_000 });
  await page.locator('.pane', { hasText: 'Corpus' }).locator('.monaco-list-row', { hasText: 'Articles' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(DOCS, 'view.png') });
});

test('UI: the walkthrough opens from Get Started with its four steps', async () => {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
  await page.keyboard.type('Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Source Trace' }).first().click();
  const steps = page.locator('.getting-started-step', { hasText: /Open a corpus|Check a draft|Hover a quotation|Cite the source/ });
  await steps.first().waitFor({ timeout: 30_000 });
  assert.equal(await steps.count(), 4);
  await page.screenshot({ path: join(DOCS, 'walkthrough.png') });
  await page.close();
});

test('the .vsix holds what the extension uses and nothing else', () => {
  const files = (dir: string, base = ''): string[] => readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(base, e.name)) : [join(base, e.name)]));
  const all = files(installed).filter((f) => !f.startsWith('.'));
  for (const wanted of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'images/icon.png', 'images/activity.svg', 'dist/extension.js', 'dist/server.js', 'dist/extractWorker.js', 'dist/scanWorker.js', 'docs/walkthrough/check.md']) assert.ok(all.includes(wanted), `${wanted} in ${all.join(', ')}`);
  for (const f of all) assert.doesNotMatch(f, /^(corpus|bin|server|client|test|node_modules)\/|^dist\/cli\.js|\.map$|\.ts$/, `${f} is not used by the extension`);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.icon, 'images/icon.png');
  assert.ok(manifest.keywords.length >= 5 && manifest.galleryBanner.color);
  assert.equal(manifest.repository, undefined, 'no repository URL is made up');
  for (const step of manifest.contributes.walkthroughs[0].steps) assert.ok(existsSync(join(installed, step.media.markdown)), step.media.markdown);
});
