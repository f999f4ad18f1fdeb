#!/usr/bin/env node
'use strict';
// The command line is bundled to dist/cli.js by `npm run build` (run by `npm ci` through `prepare`).
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then((code) => { if (code >= 0) process.exitCode = code; });
