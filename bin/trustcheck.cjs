#!/usr/bin/env node
// The only place that touches the process: run main, set the exit code. CommonJS, so that
// `--version` is answered without loading the program (or even process.stdout); the program
// itself is one CommonJS file, loaded through a code cache (compile-cache.cjs).
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
  // a signal before the program has set up its own handlers: nothing is written yet, exit 130
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
  process.stdout.on('error', (error) => {
    // a closed pipe (trustcheck … | head -1) ends quietly
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let cli;
  try {
    cli = require('./compile-cache.cjs').loadWithCache(require.resolve('../dist/cli.cjs'));
  } catch (error) {
    process.stderr.write(
      `error: cannot start trustcheck: ${error.message.split('\n')[0]}\nRun \`npm run build\` first.\n`,
    );
    process.exitCode = 2;
  }
  if (cli !== undefined) {
    cli.exports.main(argv, process).then((code) => {
      process.exitCode = code;
      cli.save();
    });
  }
}
