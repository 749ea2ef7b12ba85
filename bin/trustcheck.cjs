#!/usr/bin/env node
// The only place that touches the process: run main, set the exit code. CommonJS, so that
// `--version` is answered without starting the ES module loader (or even process.stdout).
'use strict';
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  try {
    require('node:fs').writeSync(1, `${require('../package.json').version}\n`);
  } catch (error) {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`error: cannot write to stdout (${error.code})\n`);
      process.exitCode = 2;
    }
  }
} else {
  process.stdout.on('error', (error) => {
    // a closed pipe (trustcheck … | head -1) ends quietly
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  import('../dist/cli.js').then(
    async ({ main }) => {
      process.exitCode = await main(argv, process);
    },
    (error) => {
      process.stderr.write(
        `error: cannot start trustcheck: ${error.message}\nRun \`npm run build\` first.\n`,
      );
      process.exitCode = 2;
    },
  );
}
