// What a command may touch of the outside world, passed in so that commands can run in-process
// in tests. Only bin/trustcheck.cjs hands in the real process streams.
import { PLAIN, type Styles } from '../core/render/styles.js';
import { terminalWidth, wrap } from '../core/text/wrap.js';

export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Record<string, string | undefined>;
}

export interface Context extends Io {
  /** Colours for messages on stderr (plain text when colour is off). */
  color: Styles;
  quiet: boolean;
  /** A message or progress line on stderr; silent under --quiet. */
  info(message: string): void;
  /** A warning on stderr (also under --quiet). */
  warn(message: string): void;
}

export function colorLevel(
  argv: readonly string[],
  env: Io['env'],
  stream: OutputStream,
): 0 | 1 | 2 | 3 {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    return (Number.isInteger(n) ? Math.min(3, Math.max(0, n)) : 1) as 0 | 1 | 2 | 3;
  }
  if (argv.includes('--color')) return 1;
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

export async function createContext(io: Io, argv: readonly string[]): Promise<Context> {
  const color = await colorsFor(colorLevel(argv, io.env, io.stderr));
  const quiet = argv.includes('--quiet');
  // the streams are taken one by one: spreading `process` would start reading stdin
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    get stdin() {
      return io.stdin;
    },
    env: io.env,
    color,
    quiet,
    info(message) {
      if (!quiet) io.stderr.write(`${message}\n`);
    },
    warn(message) {
      const line = `${color.yellow('warning:')} ${message}`;
      // on a terminal, wrapped at word boundaries to its width
      const text =
        io.stderr.isTTY === true
          ? wrap(line, terminalWidth(io.stderr.columns), { hang: '  ' }).join('\n')
          : line;
      io.stderr.write(`${text}\n`);
    },
  };
}
