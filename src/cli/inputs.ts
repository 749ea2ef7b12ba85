// Input arguments that may be files or folders: a folder stands for the files in it with one of
// the given extensions, sorted by name so that batch output is deterministic.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';

export function expandInputs(
  args: readonly string[],
  extensions: readonly string[],
  what: string,
): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // a missing file is reported by the reader, with its own message
    }
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    const inside = readdirSync(arg)
      .filter((name) => extensions.includes(extname(name).toLowerCase()) && !name.startsWith('.'))
      .sort()
      .map((name) => join(arg, name));
    if (inside.length === 0) {
      throw new TrustcheckError(`${arg}: the folder holds no ${what}s (${extensions.join(', ')})`);
    }
    files.push(...inside);
  }
  return files;
}
