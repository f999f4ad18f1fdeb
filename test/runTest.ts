/**
 * Runs test/suite in desktop VS Code with @vscode/test-electron. It downloads VS Code, which this
 * workplace's machines cannot; here the same suite runs in code-server (see the end-to-end issue).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main() {
  const root = path.resolve(__dirname, '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'suite', 'index.js'),
    launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
