// `trustcheck questionnaires new ID`: scaffolds a custom questionnaire that passes validate.
import type { Context } from '../context.js';
import type { NewOptions } from '../declarations.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { ID_PATTERN } from '../../core/formats.js';
import { renderQuestionnaireScaffold } from '../../core/scaffold.js';
import { schemaRefFor } from '../../app/schema-ref.js';
import { writeNewFile } from '../output.js';

export function newCommand(ctx: Context, id: string, options: NewOptions): number {
  if (!new RegExp(ID_PATTERN).test(id)) {
    throw new TrustcheckError(
      `"${id}" is not a valid questionnaire id: use lower-case letters, digits and single hyphens (kebab-case), such as "supplier-check"`,
    );
  }
  const file = options.output ?? `${id}.yaml`;
  const schemaRef = schemaRefFor(file === '-' ? undefined : file, 'questionnaire');
  const text = renderQuestionnaireScaffold(id, schemaRef);
  const hint = 'use --force to overwrite it, or choose another name with -o';
  if (schemaRef === undefined) {
    // a path into a global install or npx's cache would not hold: say how to keep one beside it
    ctx.info(
      `no $schema line${file === '-' ? ' on stdout' : ': trustcheck is not installed in this project (node_modules/trustcheck)'}; for editor support, save the schema beside the file (trustcheck schema questionnaire > questionnaire.schema.json) and add "# yaml-language-server: $schema=./questionnaire.schema.json"`,
    );
  }
  if (!writeNewFile(ctx, file, text, { force: options.force === true, hint })) return ExitCode.ok;
  ctx.info(
    `wrote ${file}; edit it, then check it with: trustcheck questionnaires validate ${file}`,
  );
  return ExitCode.ok;
}
