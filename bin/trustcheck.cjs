#!/usr/bin/env node
// The only place that touches the process: run main, set the exit code. CommonJS, so that
// `--version` is answered without starting the ES module loader.
'use strict';
const argv = process.argv.slice(2);
process.stdout.on('error', (error) => {
  // a closed pipe (trustcheck … | head -1) ends quietly
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
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
