// The `$schema` reference a file trustcheck writes gets, for editors (yaml-language-server), and
// the answers schema for editors that also knows custom questionnaires.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editorAnswersSchema, schemaUrn, type JsonSchema } from '../core/editor-schema.js';
import type { Questionnaire } from '../core/model.js';
import { VERSION } from '../version.js';
import { builtinVersions, packageRoot, resolveRef, type LoadedQuestionnaire } from './registry.js';
import { TrustcheckError, unwrap } from '../errors.js';
import { pathExists } from '../io/folders.js';
import { readInputFile } from '../io/read.js';

/** The files of schemas/ (without .schema.json). */
export type SchemaFile = 'answers' | 'answers-generic' | 'questionnaire' | 'report' | 'config';

/** The path of a schema shipped with this trustcheck (the installed package, or the clone). */
export function schemaPath(name: SchemaFile): string {
  return join(packageRoot(), 'schemas', `${name}.schema.json`);
}

/**
 * Where editors find a schema from `file`: the schema shipped with this trustcheck (in the
 * project's node_modules, a global install, or a clone), as a path relative to the file's
 * folder. Undefined when there is no file (stdout) or the schema is not there: a `$schema`
 * line that does not resolve is worse than none.
 */
export function schemaRefFor(
  file: string | undefined,
  name: SchemaFile = 'answers',
): string | undefined {
  if (file === undefined) return undefined;
  const target = schemaPath(name);
  if (!pathExists(target)) return undefined;
  const rel = relative(dirname(resolve(file)), target);
  // another drive (Windows): no relative path, so a file URL
  if (isAbsolute(rel)) return pathToFileURL(target).href;
  const posix = rel.split(sep).join('/');
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
