#!/usr/bin/env node
// Runs trustcheck: `main(argv, io)` with Node's own streams, its result as process.exitCode.
// `--version` (`-v`, `-V`) is answered without loading the program.
'use strict';
const argv = process.argv.slice(2);
if (argv.length === 1 && ['--version', '-v', '-V'].includes(argv[0])) {
  // a few bytes, written as they are: no stream to set up
  const line = `${require('../package.json').version}\n`;
  try {
    require('node:fs').writeSync(1, line);
  } catch (error) {
    // a closed pipe ends quietly; a pipe that is full for now gets Node's stream
    if (error.code === 'EAGAIN') process.stdout.write(line);
    else if (error.code !== 'EPIPE') throw error;
  }
} else {
  // what reads our output has gone (`trustcheck … | head -1`): stop writing, quietly
  const endQuietly = (error) => {
    if (error.code !== 'EPIPE') throw error;
  };
  process.stdout.on('error', endQuietly);
  process.stderr.on('error', endQuietly);
  // until the program has its own handlers: a signal ends it, nothing written yet
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
  require('../dist/compile-cache.cjs').enableCompileCache();
  const { main } = require('../dist/cli.cjs');
  const io = {
    process,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    // made only when asked for: the stream takes over descriptor 0
    get stdin() {
      return process.stdin;
    },
  };
  main(argv, io).then((code) => {
    // Node writes what is still pending to a pipe, then exits with this code
    process.exitCode = code;
  });
}
