#!/usr/bin/env node
// The only place that touches the process: run main, set the exit code. CommonJS, so that
// `--version` is answered without loading the program (or even process.stdout); the program
// itself is one CommonJS file, loaded through a code cache (compile-cache.cjs).
'use strict';
/** What each output still has to write (bytes a stream holds), to know when it is safe to exit. */
const unwritten = new WeakMap();
const argv = process.argv.slice(2);
// the version flags of the program's declaration (src/cli/declarations.ts): -v, --version and -V
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
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
  let cli;
  try {
    // absolute paths (__dirname is the real folder, links resolved): Node then does not look the
    // names up as a package would (a few milliseconds)
    const { join } = require('node:path');
    // the cache is labelled with the command, so that it comes to hold each command's code
    cli = require(join(__dirname, 'compile-cache.cjs')).loadWithCache(
      join(__dirname, '..', 'dist', 'cli.cjs'),
      { label: argv[0] },
    );
  } catch (error) {
    process.stderr.write(
      `error: cannot start trustcheck: ${error.message.split('\n')[0]}\nRun \`npm run build\` first.\n`,
    );
    process.exitCode = 2;
  }
  if (cli !== undefined) {
    const io = processIo();
    cli.exports.main(argv, io).then((code) => {
      process.exitCode = code;
      cli.save();
      // all output is written (synchronously, or by a stream with nothing left to write): end
      // here, instead of a natural exit's milliseconds of tearing down the heap
      if (io.written()) process.exit(code);
    });
  }
}

/**
 * The process's streams for the program. stdout and stderr that are pipes, files or the null
 * device are written with fs.writeSync, as Node writes them on Linux anyway, without loading
 * Node's stream and socket modules (a few milliseconds of every start); a terminal or another
 * device gets Node's own stream. `stream()` gives Node's stream to what needs one (the prompts).
 */
function processIo() {
  let stdout;
  let stderr;
  return {
    process,
    get stdout() {
      return (stdout ??= output(1, 'stdout'));
    },
    get stderr() {
      return (stderr ??= output(2, 'stderr'));
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    written: () => [stdout, stderr].every((out) => out === undefined || unwritten.get(out)() === 0),
  };
}

function output(fd, name) {
  const fs = require('node:fs');
  let streamed;
  // Node's stream, made once; a closed pipe (trustcheck … | head -1) ends quietly
  const stream = () => {
    if (streamed === undefined) {
      streamed = process[name];
      if (name === 'stdout') streamed.on('error', (error) => onWriteError(error, name));
    }
    return streamed;
  };
  const pending = () => (streamed === undefined ? 0 : streamed.writableLength);
  let plain;
  try {
    const stat = fs.fstatSync(fd);
    // a terminal needs Node's stream (its width, its colours); the null device does not
    plain =
      stat.isFIFO() ||
      stat.isSocket() ||
      stat.isFile() ||
      (stat.isCharacterDevice() && stat.rdev === fs.statSync('/dev/null').rdev);
  } catch {
    plain = false;
  }
  const writer = plain
    ? {
        isTTY: false,
        write(chunk) {
          const bytes = Buffer.from(chunk, 'utf8');
          let done = 0;
          while (done < bytes.length) {
            try {
              done += fs.writeSync(fd, bytes, done, bytes.length - done);
            } catch (error) {
              // a pipe another program made non-blocking: wait for its reader
              if (error.code === 'EAGAIN')
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
              else return onWriteError(error, name);
            }
          }
          return true;
        },
        stream,
      }
    : stream();
  unwritten.set(writer, pending);
  return writer;
}

function onWriteError(error, name) {
  if (error.code === 'EPIPE') {
    if (name === 'stdout') process.exit(process.exitCode ?? 0);
    return false;
  }
  throw error;
}
