// Writing a file the user asked for: stdout for "-", else a new file, atomically.
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
