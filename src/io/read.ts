// Reading an input file safely. Every file is opened without waiting (O_NONBLOCK: a FIFO with
// no writer, a terminal) and looked at with fstat before a byte is read. A regular file is read
// with a 5 MiB cap, a directory is refused. A pipe, socket or device is read only when it is an
// input named on the command line (`<(…)`, `/dev/stdin`): then readStreams reads it first, with
// the same cap and asynchronously, so that while it waits for a writer a signal still ends the
// process; elsewhere (a file in a folder, a lock, a file that is also written) it is refused.
// Binary and non-UTF-8 content are refused with a one-line message naming the file.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { LocatedIssue } from '../core/issues.js';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; issue: LocatedIssue };
export type ReadBytesResult = { ok: true; bytes: Buffer } | { ok: false; issue: LocatedIssue };

const CHUNK = 64 * 1024;

/** Opens for reading without waiting for a FIFO's writer, and without taking a terminal. */
export const READ_FLAGS =
  constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What readStreams read from a pipe, socket or device, by the path it was named by. */
type Streamed = { bytes: Buffer } | { tooLarge: true } | { error: unknown };
const streamed = new Map<string, Streamed>();

/**
 * Reads `file` as UTF-8 text (the BOM kept) with the 5 MiB cap. Never throws: a problem comes
 * back as an issue `{file, message}` (with line and col for bad UTF-8), for the shell to print.
 * `what` names the input in messages ("answer file", "questionnaire", "report").
 */
export function readInputFile(file: string, what = 'file'): ReadResult {
  const read = readInputBytes(file, what);
  if (!read.ok) return read;
  return decodeTextResult(read.bytes, file, what);
}

/**
 * The bytes of `file`: a regular file, or a pipe or device that readStreams has read. Stops at
 * once when more than 5 MiB arrive ("larger than 5 MiB").
 */
export function readInputBytes(
  file: string,
  what = 'file',
  notAFileHint = 'give the path of a regular file (a pipe is read only when it is named on the command line)',
): ReadBytesResult {
  const fail = (message: string): ReadBytesResult => ({ ok: false, issue: { file, message } });
  if (file === '') return fail(`the path of the ${what} is empty; give a file name`);
  const early = streamed.get(file);
  if (early !== undefined) {
    if ('bytes' in early) return { ok: true, bytes: early.bytes };
    return fail('tooLarge' in early ? tooLarge(what) : readReason(what, early.error));
  }
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch (error) {
    return fail(readReason(what, error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      return fail(`is a directory, not ${article(what)} ${what}; give the path of a file`);
    }
    if (!stat.isFile()) return fail(notAFile(stat, what, notAFileHint));
    if (stat.size > MAX_INPUT_BYTES) {
      return fail(
        `the ${what} is ${(stat.size / 1024 / 1024).toFixed(1)} MiB; trustcheck reads files of at most 5 MiB`,
      );
    }
    // its size and one byte more (to see that it grew), grown only for a file that grows while
    // read or says it has no size (/proc)
    let buffer = Buffer.allocUnsafe(stat.size > 0 ? stat.size + 1 : CHUNK);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(MAX_INPUT_BYTES + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) return fail(tooLarge(what));
    }
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (error) {
    return fail(readReason(what, error));
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing more to do
    }
  }
}

const tooLarge = (what: string): string =>
  `the ${what} is larger than 5 MiB; trustcheck reads files of at most 5 MiB`;

/** A FIFO, socket or device where a regular file is expected. */
function notAFile(stat: Stats, what: string, hint: string): string {
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return `is ${kind}, not ${article(what)} ${what}; ${hint}`;
}

/**
 * Reads the inputs among `paths` that are pipes, sockets or devices (`<(…)`, `/dev/stdin`, a
 * FIFO), each once and with the 5 MiB cap, for readInputBytes to take. Asynchronous: while it
 * waits for a writer, signals are handled. Regular files, folders and paths that cannot be
 * opened are left to readInputBytes, which reads them or says what is wrong.
 */
export async function readStreams(paths: readonly string[]): Promise<void> {
  for (const file of new Set(paths)) {
    if (file === '' || streamed.has(file)) continue;
    let fd: number;
    try {
      fd = openSync(file, READ_FLAGS);
    } catch (error) {
      // a socket cannot be opened by name; `/dev/stdin` is one when the parent is a Node
      // process (libuv gives stdio as socket pairs): read the descriptor itself
      const inherited = descriptorOf(file);
      if ((error as NodeJS.ErrnoException).code === 'ENXIO' && inherited !== undefined) {
        streamed.set(file, await readPipe(inherited));
      }
      continue;
    }
    let stat: Stats;
    try {
      stat = fstatSync(fd);
    } catch {
      closeSync(fd);
      continue;
    }
    if (stat.isFile() || stat.isDirectory()) {
      closeSync(fd);
    } else if (stat.isFIFO() || stat.isSocket()) {
      streamed.set(file, await readPipe(fd));
    } else {
      streamed.set(file, await readDevice(fd));
    }
  }
}

/** The descriptor a path such as `/dev/stdin`, `/dev/fd/3` or `/proc/self/fd/3` names. */
function descriptorOf(file: string): number | undefined {
  if (file === '/dev/stdin') return 0;
  const match = /^\/(?:dev|proc\/self)\/fd\/(\d{1,4})$/.exec(file);
  return match === null ? undefined : Number(match[1]);
}

/**
 * A pipe or socket, read through the event loop as Node reads its own stdin: a FIFO whose
 * writer has not come yet is waited for, and a signal still ends the process meanwhile.
 */
async function readPipe(fd: number): Promise<Streamed> {
  // loaded only for a pipe: most runs read none
  const { Socket } = await import('node:net');
  return new Promise((resolve) => {
    const socket = new Socket({ fd, readable: true, writable: false });
    const chunks: Buffer[] = [];
    let total = 0;
    socket.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_INPUT_BYTES) {
        socket.destroy();
        resolve({ tooLarge: true });
      } else {
        chunks.push(chunk);
      }
    });
    socket.on('end', () => resolve({ bytes: Buffer.concat(chunks, total) }));
    socket.on('error', (error) => resolve({ error }));
  });
}

/**
 * A device (a terminal, /dev/zero), opened non-blocking: read until its end or the cap; when it
 * has nothing yet, the event loop runs (signals too) before it is asked again.
 */
async function readDevice(fd: number): Promise<Streamed> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, CHUNK, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      if (n === 0) return { bytes: Buffer.concat(chunks, total) };
      total += n;
      if (total > MAX_INPUT_BYTES) return { tooLarge: true };
      chunks.push(chunk.subarray(0, n));
    }
  } catch (error) {
    return { error };
  } finally {
    closeSync(fd);
  }
}

/** Decodes bytes read from `file` as UTF-8 text: binary, bad UTF-8 and empty text are issues. */
export function decodeTextResult(bytes: Uint8Array, file: string, what = 'file'): ReadResult {
  if (bytes.includes(0)) {
    return {
      ok: false,
      issue: {
        file,
        message: `looks like a binary file, not ${article(what)} ${what} (it contains NUL bytes)`,
      },
    };
  }
  let text: string;
  try {
    // the BOM is kept, so that the text re-encodes to the same bytes (a questionnaire's digest
    // is of its bytes); the parser skips it
    // isUtf8 checks in native code; toString then keeps the BOM, as ignoreBOM does
    if (!isUtf8(bytes)) throw new Error('not UTF-8');
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } catch {
    const offset = sequenceStart(bytes, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return {
      ok: false,
      issue: {
        file,
        line,
        col,
        message: `is not valid UTF-8 text (byte ${offset + 1}); save the ${what} as UTF-8`,
      },
    };
  }
  // (a search, not trim(): trim copies the text)
  if (!/\S/.test(text)) return { ok: false, issue: { file, message: `the ${what} is empty` } };
  return { ok: true, text };
}

/** Where the broken sequence that ends at `at` began: its lead byte, if it had one. */
function sequenceStart(bytes: Uint8Array, at: number): number {
  const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;
  if (isContinuation(bytes[at])) return at;
  let k = at;
  while (k > 0 && at - k < 3 && isContinuation(bytes[k - 1])) k--;
  return k > 0 && (bytes[k - 1] ?? 0) >= 0xc0 ? k - 1 : at;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      // stream: an incomplete sequence cut by the prefix is not an error
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), {
        stream: true,
      });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

const READ_REASONS: Record<string, (what: string) => string> = {
  ENOENT: (what) => `no such ${what}; check the path`,
  ENOTDIR: () => 'a part of the path is a file, not a folder; check the path',
  EACCES: () => "you may not read it (permission denied); check the file's permissions",
  EPERM: () => "you may not read it (permission denied); check the file's permissions",
  EISDIR: (what) => `is a directory, not ${article(what)} ${what}; give the path of a file`,
  ELOOP: () => 'too many symbolic links (a link that points to itself?); check the path',
  ENAMETOOLONG: () => 'the path is too long; check it',
  ENXIO: (what) => `is a socket or a device with nothing behind it, not ${article(what)} ${what}`,
  EIO: () => 'the disk reported an input/output error; check the disk and try again',
  EMFILE: () => 'too many files are open at once; try again with fewer',
  ENFILE: () => 'too many files are open on this system; try again later',
};

function readReason(what: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : READ_REASONS[code];
  if (reason !== undefined) return reason(what);
  const detail = error instanceof Error ? error.message : String(error);
  return `cannot be read: an unexpected system error (${code ?? 'no code'}: ${detail}); check the path and try again`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
