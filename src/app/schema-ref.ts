// The `$schema` reference a file trustcheck writes gets, for editors (yaml-language-server), and
// the answers schema for editors that also knows custom questionnaires.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { editorAnswersSchema, schemaUrn, type JsonSchema } from '../core/editor-schema.js';
import type { Questionnaire } from '../core/model.js';
import { VERSION } from '../version.js';
import { builtinVersions, packageRoot, resolveRef, type LoadedQuestionnaire } from './registry.js';
import { TrustcheckError, unwrap } from '../errors.js';
import { pathExists } from '../io/folders.js';
import { readInputFile } from '../io/read.js';

/** The files of schemas/ (without .schema.json). */
export type SchemaFile =
  'answers' | 'answers-generic' | 'questionnaire' | 'report' | 'summary' | 'config';

/** The path of a schema shipped with this trustcheck (the installed package, or the clone). */
export function schemaPath(name: SchemaFile): string {
  return join(packageRoot(), 'schemas', `${name}.schema.json`);
}

/**
 * Where editors find a shipped schema from `file`, by a relative path that holds wherever the
 * file's project is checked out: the copy in the project's own `node_modules/trustcheck`
 * (looked for from the file's folder up, as Node looks for a package), or, for a file inside a
 * clone of trustcheck (the one that runs), the clone's `schemas/`. Undefined otherwise, and when
 * there is no file (stdout): a path into a global install or npx's cache holds on this machine
 * only, for a while, and a `$schema` line that does not resolve is worse than none.
 */
export function schemaRefFor(
  file: string | undefined,
  name: SchemaFile = 'answers',
): string | undefined {
  if (file === undefined) return undefined;
  const folder = dirname(resolve(file));
  const own = packageRoot();
  const clone = !own.split(/[\\/]/).includes('node_modules');
  const fromOwn = relative(own, folder);
  const insideOwn = fromOwn !== '..' && !fromOwn.startsWith(`..${sep}`) && !isAbsolute(fromOwn);
  if (clone && insideOwn && pathExists(schemaPath(name)))
    return relativeRef(folder, schemaPath(name));
  let dir = folder;
  for (;;) {
    const installed = join(dir, 'node_modules', 'trustcheck', 'schemas', `${name}.schema.json`);
    if (pathExists(installed)) return relativeRef(folder, installed);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `target` relative to `folder`, with forward slashes, starting with `.`. */
export function relativeRef(folder: string, target: string): string {
  const posix = relative(folder, target).split(sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

/** The generic answers schema (any questionnaire id), as shipped. */
function genericAnswersSchema(): JsonSchema {
  const read = readInputFile(schemaPath('answers-generic'), 'schema');
  if (!read.ok) throw TrustcheckError.fromIssues([read.issue]);
  return JSON.parse(read.text) as JsonSchema;
}

/**
 * The answers schema for editors that knows every built-in (all shipped versions) and the
 * given questionnaires (custom ones, by path): its `$id` names the custom ones it adds.
 */
export function answersSchemaWith(custom: readonly LoadedQuestionnaire[]): JsonSchema {
  const builtins: Questionnaire[] = [];
  for (const [id, versions] of builtinVersions()) {
    for (const version of versions) builtins.push(unwrap(resolveRef(`${id}@${version}`)).value);
  }
  const added = custom.filter((c) => !c.builtin).map((c) => c.value);
  const suffix = added.map((q) => `${q.id}@${q.version}`).join('+');
  return editorAnswersSchema(genericAnswersSchema(), [...builtins, ...added], {
    id: schemaUrn('answers', VERSION) + (suffix === '' ? '' : `:with:${suffix}`),
    ...(suffix === ''
      ? {}
      : { title: `trustcheck answers (built-ins and ${added.map((q) => q.id).join(', ')})` }),
  });
}
