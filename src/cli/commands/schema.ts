// `trustcheck schema questionnaire|answers|report|summary|config`: prints a published JSON
// Schema; for answers, `-q PATH…` adds custom questionnaires to the one for editors, `--generic`
// accepts any id.
import type { Context } from '../context.js';
import type { declareSchema, SchemaOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { isPathRef, resolveRef } from '../../app/registry.js';
import { readInputFile, readStreams } from '../../io/read.js';
import { answersSchemaWith, schemaPath } from '../../app/schema-ref.js';
import { prettyJson } from '../../core/text/controls.js';

/** The schemas `trustcheck schema` prints, as its declaration names them. */
export type SchemaArgument = Parameters<
  Parameters<ReturnType<typeof declareSchema>['action']>[0]
>[0];

export async function schemaCommand(
  ctx: Context,
  name: SchemaArgument,
  options: SchemaOptions = {},
): Promise<number> {
  const refs = options.questionnaire ?? [];
  if (name !== 'answers' && (refs.length > 0 || options.generic === true)) {
    throw new TrustcheckError(
      `-q and --generic go with \`trustcheck schema answers\`, not with ${name}`,
    );
  }
  if (options.generic === true && refs.length > 0) {
    throw new TrustcheckError(
      '--generic accepts any questionnaire id already; give either --generic or -q',
    );
  }
  await readStreams(refs.filter(isPathRef));
  const loaded = refs.map((ref) => unwrap(resolveRef(ref)));
  if (loaded.some((q) => !q.builtin)) {
    ctx.stdout.write(prettyJson(answersSchemaWith(loaded)));
    return ExitCode.ok;
  }
  const file = name === 'answers' && options.generic === true ? 'answers-generic' : name;
  // the schema shipped with trustcheck, read as any file is (a regular file, with the cap)
  const read = readInputFile(schemaPath(file), 'schema');
  if (!read.ok) throw new TrustcheckError(`${read.issue.file}: ${read.issue.message}`);
  ctx.stdout.write(read.text);
  return ExitCode.ok;
}
