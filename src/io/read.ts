// Reading an input file safely: read as a stream with a 5 MiB cap, whatever `stat` says (a pipe,
// `/dev/stdin` or `/dev/zero` report size 0), so `<(…)` works and `/dev/zero` stops at once;
// directories, binary and non-UTF-8 content are refused with a one-line message naming the file.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { LocatedIssue } from '../core/issues.js';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; issue: LocatedIssue };
export type ReadBytesResult = { ok: true; bytes: Buffer } | { ok: false; issue: LocatedIssue };

const CHUNK = 64 * 1024;

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

/** A buffer that `readInputBytes` reuses when asked to: see its `scratch` option. */
let scratchBuffer: Buffer | undefined;

/**
 * The bytes of `file`, read in chunks until end of file or until more than 5 MiB arrived (then
 * it stops at once with "larger than 5 MiB"). Works for regular files, pipes and devices. With
 * `scratch`, the bytes are in a buffer that the next such call reuses: for a caller that is done
 * with them before it reads another file (then reading many files allocates almost nothing).
 * With `regularOnly`, the file is opened without waiting (O_NONBLOCK: a FIFO with no writer
 * does not hold the process) and anything but a regular file is refused before a byte is read:
 * for a file nobody named, found by a search (a config file).
 */
export function readInputBytes(
  file: string,
  what = 'file',
  options: { scratch?: boolean; regularOnly?: boolean } = {},
): ReadBytesResult {
  const fail = (message: string): ReadBytesResult => ({ ok: false, issue: { file, message } });
  if (file === '') return fail(`the path of the ${what} is empty; give a file name`);
  let fd: number;
  let inherited = false;
  try {
    fd =
      options.regularOnly === true
        ? openSync(
            file,
            constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0),
          )
        : openSync(file, 'r');
  } catch (error) {
    if (options.regularOnly === true) return fail(readReason(what, error));
    // a socket cannot be opened by name; `/dev/stdin` is one when the parent is a Node
    // process (libuv gives stdio as socket pairs): read the descriptor itself
    const inheritedFd = descriptorOf(file);
    if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || inheritedFd === undefined) {
      return fail(readReason(what, error));
    }
    fd = inheritedFd;
    inherited = true;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      return fail(`is a directory, not ${article(what)} ${what}; give the path of a file`);
    }
    if (options.regularOnly === true && !stat.isFile()) {
      return fail(
        `is ${kindOfFile(stat)}, not ${article(what)} ${what}; remove it, or make it a plain file`,
      );
    }
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) {
      return fail(
        `the ${what} is ${(stat.size / 1024 / 1024).toFixed(1)} MiB; trustcheck reads files of at most 5 MiB`,
      );
    }
    // one buffer: a regular file's size and one byte more (to see that it grew), grown only for a
    // file that grows while read, a pipe or a device
    const limit = MAX_INPUT_BYTES + 1;
    const sized = stat.isFile() && stat.size > 0;
    const size = sized ? stat.size + 1 : CHUNK;
    let buffer =
      options.scratch === true && scratchBuffer !== undefined && scratchBuffer.length >= size
        ? scratchBuffer
        : Buffer.allocUnsafe(size);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(CHUNK, buffer.length * 2)));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const n = readChunk(fd, buffer, total);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) {
        return fail(`the ${what} is larger than 5 MiB; trustcheck reads files of at most 5 MiB`);
      }
      // a regular file read to exactly its size has ended there (as readFileSync takes it): no
      // read more to see its end
      if (sized && total === stat.size) break;
    }
    // kept for the next file, unless it is large
    if (options.scratch === true && buffer.length <= 1024 * 1024) scratchBuffer = buffer;
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (error) {
    return fail(readReason(what, error));
  } finally {
    try {
      if (!inherited) closeSync(fd);
    } catch {
      // nothing more to do
    }
  }
}

/** What a file that is not a regular file or a folder is, in words. */
function kindOfFile(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'something other than a plain file';
}

/** The descriptor a path such as `/dev/stdin`, `/dev/fd/3` or `/proc/self/fd/3` names. */
function descriptorOf(file: string): number | undefined {
  if (file === '/dev/stdin') return 0;
  const match = /^\/(?:dev|proc\/self)\/fd\/(\d{1,4})$/.exec(file);
  return match === null ? undefined : Number(match[1]);
}

/** One read into `buffer` from `offset`; a non-blocking pipe (EAGAIN) is waited for briefly. */
function readChunk(fd: number, buffer: Buffer, offset: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, buffer.length - offset, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
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
  if (text.trim() === '') return { ok: false, issue: { file, message: `the ${what} is empty` } };
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
