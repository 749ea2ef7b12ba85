// `trustcheck questionnaires new ID`: scaffolds a custom questionnaire that passes validate.
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { ID_PATTERN } from '../../core/formats.js';
import { renderQuestionnaireScaffold } from '../../core/scaffold.js';
import { assertWritable, writeFileAtomic } from '../../io/write.js';
import { VERSION } from '../main.js';

export function newCommand(
  ctx: Context,
  id: string,
  options: { output?: string; force?: boolean },
): number {
  if (!new RegExp(ID_PATTERN).test(id)) {
    throw new TrustcheckError(
      `"${id}" is not a valid questionnaire id: use lower-case letters, digits and single hyphens (kebab-case), such as "supplier-check"`,
    );
  }
  const file = options.output ?? `${id}.yaml`;
  const text = renderQuestionnaireScaffold(
    id,
    `https://unpkg.com/trustcheck@${VERSION}/schemas/questionnaire.schema.json`,
  );
  if (file === '-') {
    ctx.stdout.write(text);
    return ExitCode.ok;
  }
  assertWritable(
    file,
    options.force === true,
    'use --force to overwrite it, or choose another name with -o',
  );
  writeFileAtomic(file, text);
  ctx.info(
    `wrote ${file}; edit it, then check it with: trustcheck questionnaires validate ${file}`,
  );
  return ExitCode.ok;
}
