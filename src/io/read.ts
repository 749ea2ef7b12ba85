// Reading an input file safely: size checked before reading, directories, binary and
// non-UTF-8 content rejected with a one-line message naming the file.
import { readFileSync, statSync } from 'node:fs';
import type { LocatedIssue } from '../core/issues.js';
import { TrustcheckError } from '../errors.js';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export function readTextFile(file: string, what = 'file'): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      throw new TrustcheckError(
        `${file}: is a directory, not ${article(what)} ${what}; give the path of a file`,
      );
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof TrustcheckError) throw error;
    throw fileError(file, what, error);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new TrustcheckError(
      `${file}: the ${what} is ${(size / 1024 / 1024).toFixed(1)} MiB; trustcheck reads files of at most 5 MiB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileError(file, what, error);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new TrustcheckError(
      `${file}: the ${what} is larger than 5 MiB; trustcheck reads files of at most 5 MiB`,
    );
  }
  return decodeText(bytes, file, what);
}

export function decodeText(bytes: Uint8Array, file: string, what = 'file'): string {
  if (bytes.includes(0)) {
    throw new TrustcheckError(
      `${file}: looks like a binary file, not ${article(what)} ${what} (it contains NUL bytes)`,
    );
  }
  let text: string;
  try {
    // the BOM is kept, so that the text re-encodes to the same bytes (a questionnaire's digest
    // is of its bytes); the parser skips it
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = sequenceStart(bytes, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw TrustcheckError.fromIssues([
      {
        file,
        line,
        col,
        message: `is not valid UTF-8 text (byte ${offset + 1}); save the ${what} as UTF-8`,
      },
    ]);
  }
  if (text.trim() === '') {
    throw new TrustcheckError(`${file}: the ${what} is empty`);
  }
  return text;
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

function fileError(file: string, what: string, error: unknown): TrustcheckError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? `no such ${what}; check the path`
      : code === 'EACCES' || code === 'EPERM'
        ? `permission denied; check the file's permissions`
        : code === 'EISDIR'
          ? `is a directory, not ${article(what)} ${what}; give the path of a file`
          : `cannot be read (${code ?? String(error)})`;
  return new TrustcheckError(`${file}: ${reason}`, { cause: error });
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

export type ReadResult = { ok: true; text: string } | { ok: false; issues: LocatedIssue[] };

/** readTextFile as data: the text, or the problem with the file's name. */
export function readText(file: string, what = 'file'): ReadResult {
  try {
    return { ok: true, text: readTextFile(file, what) };
  } catch (error) {
    if (!(error instanceof TrustcheckError)) throw error;
    const issues =
      error.issues.length > 0
        ? [...error.issues]
        : [{ file, message: error.message.replace(`${file}: `, '') }];
    return { ok: false, issues };
  }
}
