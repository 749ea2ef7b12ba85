// Writing a file the user asked for: stdout for "-", else a new file, atomically.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from './context.js';
import { assertWritable, writeFileAtomic } from '../io/write.js';

/**
 * Writes `text` to `file`, or to stdout when `file` is "-". An existing file is replaced only
 * with `force`; `hint` says how else to go on. Returns whether a file was written.
 */
export function writeNewFile(
  ctx: Context,
  file: string,
  text: string,
  force: boolean,
  hint: string,
): boolean {
  if (file === '-') {
    ctx.stdout.write(text);
    return false;
  }
  assertWritable(file, force, hint);
  writeFileAtomic(file, text);
  return true;
}

/** Why a report cannot be written to `file`, in words, if it cannot (checked before asking on). */
export function outputProblem(file: string): string | undefined {
  if (file === '') return 'give a file name';
  if (file === '-') return undefined;
  const folder = dirname(file);
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return `the folder ${folder} does not exist; create it first, or choose another path`;
  }
  try {
    if (statSync(file).isDirectory()) return `${file} is a folder; give a file name`;
  } catch {
    // a new file
  }
  return undefined;
}
