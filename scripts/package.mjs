// Makes the .vsix from what the extension uses, and nothing else. package.json's `files` is the
// npm package's list (the command line, the seed corpus); the editor needs neither, and vsce
// refuses a .vscodeignore beside `files`. So the extension is staged in a folder of its own with
// a manifest that drops the npm-only fields, and vsce packages that folder.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
/** What the installed extension reads: the bundles it runs, its grammar, the pages and images it shows. */
export const EXTENSION_FILES = [
  'dist/extension.js', 'dist/server.js', 'dist/extractWorker.js', 'dist/scanWorker.js',
  'syntaxes', 'images/icon.png', 'images/activity.svg', 'docs/walkthrough', 'README.md', 'CHANGELOG.md', 'LICENSE',
  ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.png')).map((f) => `docs/${f}`),
];

const stage = mkdtempSync(join(tmpdir(), 'st-vsix-'));
try {
  for (const f of EXTENSION_FILES) {
    mkdirSync(join(stage, f, '..'), { recursive: true });
    cpSync(join(root, f), join(stage, f), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const npmOnly of ['bin', 'scripts', 'devDependencies', 'dependencies']) delete manifest[npmOnly];
  manifest.files = EXTENSION_FILES;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
  // No repository to rewrite README links against: its images are the ones the package carries.
  const r = spawnSync('npx', ['--yes', '@vscode/vsce@3', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
