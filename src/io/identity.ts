// Which file a path names, whatever its spelling: `./a.yaml`, `sub/../a.yaml`, a symlink and a
// hard link are one file (device + inode). Used before anything is written, so that no output
// of a run is one of its inputs, `--out-dir` names do not collide on case-insensitive or
// normalising file systems, and `--force` replaces only what it may.
import { statSync, type Stats } from 'node:fs';
import { TrustcheckError } from '../errors.js';
import { parseDocument } from './document.js';
import { decodeTextResult, MAX_INPUT_BYTES, readInputBytes, type ReadBytesResult } from './read.js';

export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  /** A character or block device (a terminal, /dev/null): reading and writing one is no clash. */
  device: boolean;
}

/** The identity of the file `path` names after following links; undefined when it cannot be
 * found (missing, or not reachable). */
export function fileIdentity(path: string): FileIdentity | undefined {
  if (path === '') return undefined;
  try {
    const stat = statSync(path, { bigint: true });
    return {
      dev: stat.dev,
      ino: stat.ino,
      device: stat.isCharacterDevice() || stat.isBlockDevice(),
    };
  } catch {
    return undefined;
  }
}

/** Whether two paths name the same existing file. */
export function sameFile(a: string, b: string): boolean {
  const first = fileIdentity(a);
  const second = fileIdentity(b);
  return first !== undefined && second !== undefined && sameIdentity(first, second);
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * The first output (in the order given) that is one of the inputs, with the input it is; or
 * undefined. Outputs that do not exist yet cannot be inputs. Devices are left out: `-a
 * /dev/stdin -o /dev/stdout` on one terminal names the same device, and that is fine.
 */
export function outputThatIsAnInput(
  inputs: readonly string[],
  outputs: readonly string[],
): { output: string; input: string } | undefined {
  const inputOf = inputIndex(inputs);
  for (const output of outputs) {
    const input = inputOf(output);
    if (input !== undefined) return { output, input };
  }
  return undefined;
}

/**
 * The inputs of a run, indexed once by identity: a function that says which input a path is,
 * if any (for a batch that checks each report it is about to write).
 */
export function inputIndex(inputs: readonly string[]): (path: string) => string | undefined {
  const byIdentity = new Map<string, string>();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id === undefined || id.device) continue;
    const key = `${id.dev}:${id.ino}`;
    if (!byIdentity.has(key)) byIdentity.set(key, input);
  }
  return (path) => {
    if (byIdentity.size === 0) return undefined;
    const id = fileIdentity(path);
    return id === undefined || id.device ? undefined : byIdentity.get(`${id.dev}:${id.ino}`);
  };
}

// the key under which two names are one file on a case- or normalisation-insensitive file
// system: the core's, which report names are shortened by too
export { collisionKey } from '../core/report-name.js';

export type ExistingKind = 'missing' | 'empty' | 'answers' | 'other';

/**
 * What an existing file is, for `--force` (which replaces only a trustcheck answers file or
 * an empty one): 'missing', 'empty' (no bytes, or only white space), 'answers' (YAML or JSON
 * with `format: trustcheck-answers/1`) or 'other' (anything else, including a directory, a
 * binary file, a file over 5 MiB or a questionnaire). A file that exists but cannot be read
 * throws a TrustcheckError: trustcheck cannot tell what it would destroy.
 */
export function isAnswersFileOrEmpty(path: string): ExistingKind {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw unreadable(path, readInputBytes(path, 'file'));
  }
  // a directory, a device or a FIFO (which reading would drain) is never replaced by --force
  if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) return 'other';
  const read = readInputBytes(path, 'file');
  if (!read.ok) throw unreadable(path, read);
  if (isBlank(read.bytes)) return 'empty';
  const text = decodeTextResult(read.bytes, path, 'file');
  if (!text.ok) return 'other';
  const parsed = parseDocument(text.text, path);
  if (!parsed.ok) return 'other';
  const value = parsed.parsed.value;
  return typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, 'format') &&
    (value as { format: unknown }).format === 'trustcheck-answers/1'
    ? 'answers'
    : 'other';
}

function unreadable(path: string, read: ReadBytesResult): TrustcheckError {
  const reason = read.ok ? 'it cannot be read' : read.issue.message;
  return new TrustcheckError(`${path}: cannot tell whether it may be replaced: ${reason}`);
}

/** No bytes, or only a BOM and white space. */
function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) {
      return false;
    }
  }
  return true;
}
