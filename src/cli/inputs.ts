// Input arguments that may be files or folders: a folder stands for the files in it with one of
// the given extensions (and, with `recursive`, those of its subfolders), sorted by path so that
// batch output is deterministic.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';

export function expandInputs(
  args: readonly string[],
  extensions: readonly string[],
  what: string,
  options: { recursive?: boolean } = {},
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
    const inside = filesIn(arg, extensions, options.recursive === true);
    if (inside.length === 0) {
      throw new TrustcheckError(
        `${arg}: the folder holds no ${what}s (${extensions.join(', ')})${options.recursive === true ? ', nor do its subfolders' : ''}`,
      );
    }
    files.push(...inside);
  }
  return files;
}

function filesIn(folder: string, extensions: readonly string[], recursive: boolean): string[] {
  const out: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  // join(folder, name) for every entry, without normalizing the folder's part each time
  const prefix = join(folder, 'x').slice(0, -1);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix + entry.name;
    if (entry.isDirectory()) {
      if (recursive) out.push(...filesIn(path, extensions, true));
    } else if (extensions.includes(extname(entry.name).toLowerCase())) {
      out.push(path);
    }
  }
  return out;
}
