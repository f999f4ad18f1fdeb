// Bundles the extension, the language server and the command line with esbuild
// (`--tests` also bundles the extension-host suite for @vscode/test-electron, `--bench` the benchmark).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };
const jobs = [
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Extraction worker threads of the server, the command line and the bench (found next to them).
  build({ ...common, entryPoints: ['server/src/index/extractWorker.ts'], outfile: 'dist/extractWorker.js' }),
  build({ ...common, entryPoints: ['server/src/check/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
];
if (process.argv.includes('--tests')) {
  jobs.push(
    build({ ...common, entryPoints: ['test/suite/index.ts'], outfile: 'dist/test/suite/index.js', external: ['vscode'] }),
    build({ ...common, entryPoints: ['test/runTest.ts'], outfile: 'dist/test/runTest.js', external: ['@vscode/test-electron'] }),
  );
}
if (process.argv.includes('--bench')) jobs.push(
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.js' }),
  build({ ...common, entryPoints: ['bench/throughput.ts'], outfile: 'dist/throughput.js' }),
);
await Promise.all(jobs);
