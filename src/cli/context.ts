// What a command may touch of the outside world, passed in so that commands can run in-process
// in tests. Only bin/trustcheck.cjs hands in the real process streams.
import { PLAIN, type Styles } from '../core/render/styles.js';
import { safeForTerminal } from '../core/text/terminal.js';
import { terminalWidth, wrap } from '../core/text/wrap.js';
import { globalFlags, type GlobalFlags } from './global-options.js';

export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface Io {
  /** The real process, when this is it (bin/trustcheck.cjs): then signals are handled. */
  process?: NodeJS.Process;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Record<string, string | undefined>;
}

export interface Context extends Io {
  /** stderr as it is, for the prompts, which draw with escape sequences of their own. */
  rawStderr: OutputStream;
  /** Colours for messages on stderr (plain text when colour is off). */
  color: Styles;
  quiet: boolean;
  /** The config file the command's options came from, as shown, when one was used. */
  config?: string | undefined;
  /** A message or progress line on stderr; silent under --quiet. */
  info(message: string): void;
  /** A warning on stderr (also under --quiet). */
  warn(message: string): void;
}

/**
 * How many colours messages get, in the order Node itself decides: `--no-color` on the command
 * line first (none); then FORCE_COLOR, even without a terminal and even with NO_COLOR set (`1`,
 * `true` or empty: 16 colours, `2`: 256, `3`: 16 million; `0`, `false` or anything else: none);
 * then NO_COLOR (none); then what the terminal can (none in a pipe, a file or TERM=dumb).
 */
export function colorLevel(
  flags: GlobalFlags,
  env: Io['env'],
  stream: OutputStream,
): 0 | 1 | 2 | 3 {
  if (flags.noColor) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === '1' || force === 'true') return 1;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 0;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (stream.isTTY !== true || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** chalk only when colour is on: scripts and CI never load it. */
async function colorsFor(level: 0 | 1 | 2 | 3): Promise<Styles> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

// trustcheck's own colours: the only escape sequences that may reach a terminal
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Text on its way to a terminal: every control character, escape sequence and bidi mark made
 * visible (a subject cannot retitle the window, clear the screen, fake a link or reverse a
 * line), whoever wrote the line. With colour on, colour sequences stay.
 */
export function terminalText(text: string, keepColors: boolean): string {
  if (!keepColors) return safeForTerminal(text, { multiline: true });
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += safeForTerminal(text.slice(last, m.index), { multiline: true }) + m[0];
    last = m.index + m[0].length;
  }
  return out + safeForTerminal(text.slice(last), { multiline: true });
}

/** A stream whose text is made safe for the terminal, when it is one (data to a pipe stays). */
function guarded(stream: OutputStream, keepColors: boolean, always: boolean): OutputStream {
  if (!always && stream.isTTY !== true) return stream;
  return {
    write: (chunk) => stream.write(terminalText(chunk, keepColors)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

export async function createContext(io: Io, argv: readonly string[]): Promise<Context> {
  const flags = globalFlags(argv);
  const level = colorLevel(flags, io.env, io.stderr);
  const color = await colorsFor(level);
  const { quiet } = flags;
  // messages are always made safe (a log is read on a terminal too); reports only on a terminal
  const stderr = guarded(io.stderr, level > 0, true);
  const stdout = guarded(io.stdout, level > 0, false);
  // the streams are taken one by one: spreading `process` would start reading stdin
  return {
    stdout,
    stderr,
    rawStderr: io.stderr,
    get stdin() {
      return io.stdin;
    },
    env: io.env,
    color,
    quiet,
    info(message) {
      if (!quiet) stderr.write(`${message}\n`);
    },
    warn(message) {
      const line = `${color.yellow('warning:')} ${message}`;
      // on a terminal, wrapped at word boundaries to its width
      const text =
        io.stderr.isTTY === true
          ? wrap(line, terminalWidth(io.stderr.columns), { hang: '  ' }).join('\n')
          : line;
      stderr.write(`${text}\n`);
    },
  };
}
