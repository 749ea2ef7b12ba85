// The answers file as GitHub's runner finds it. The runner reads an annotation's `file=` as a
// path from the repository's root (GITHUB_WORKSPACE), and converts an absolute path inside it;
// a path as typed in a subfolder would put the annotation on another file, or on none.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * `file` relative to `workspace` (with `/`), when the workspace is set and holds the file; else
 * the file's absolute path. Links in the folders are followed on both sides (a workspace under
 * a linked folder, a checkout through a link), the file's own name is kept: a linked answers
 * file is annotated where it stands in the repository.
 */
export function annotationPath(file: string, workspace: string | undefined): string {
  const absolute = resolve(file);
  if (workspace === undefined || workspace === '') return absolute;
  const root = realOr(resolve(workspace));
  const real = join(realOr(dirname(absolute)), basename(absolute));
  const inside = relative(root, real);
  if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`)) {
    return absolute;
  }
  return inside.split(sep).join('/');
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
