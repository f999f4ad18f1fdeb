/** Starts code-server on 127.0.0.1 with a fresh profile, and Chromium through playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeServerTools } from './tools';

export interface RunningCodeServer { url: string; port: number; process: ChildProcess; log: () => string; stop: () => void }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export async function startCodeServer(tools: CodeServerTools): Promise<RunningCodeServer> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'st-code-server-'));
  // A quiet workbench for the screenshots: no chat panel, no welcome page.
  mkdirSync(join(home, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(home, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false, 'editor.minimap.enabled': false, 'window.commandCenter': false, 'editor.hover.delay': 300,
  }));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
  const child = spawn(tools.node, [tools.codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', join(home, 'user-data'), '--extensions-dir', join(home, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--vscode-option', 'enable-smoke-test-driver'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => { log += d; });
  child.stderr!.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log.slice(-3000)}`);
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`code-server did not answer /healthz in 90 s:\n${log.slice(-3000)}`); }
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()) && setTimeout(resolve, 200));
  }
  return { url, port, process: child, log: () => log, stop: () => child.kill() };
}

/** The workbench URL for a folder, with an extension under development and (optionally) its tests. */
export function workbenchUrl(cs: RunningCodeServer, folder: string, extension: string, testsModule?: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(extension)]];
  if (testsModule) payload.push(['extensionTestsPath', remote(testsModule)]);
  return `${cs.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
