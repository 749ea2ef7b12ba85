// `trustcheck init [FILE]`: writes an answer-file template.
import type { Context } from '../context.js';
import { ExitCode, unwrap } from '../../errors.js';
import { defaultQuestionnaires, resolveRef } from '../../app/registry.js';
import { schemaRefFor } from '../../app/schema-ref.js';
import { defaultLanguage, type Language } from '../../core/language.js';
import { statementCount } from '../../core/questionnaire.js';
import { renderTemplate } from '../../core/template.js';
import { writeNewAnswersFile } from '../output.js';

export interface InitOptions {
  questionnaire?: string[];
  subject?: string;
  assessor?: string;
  lang?: Language;
  force?: boolean;
}

export function initCommand(ctx: Context, file: string, options: InitOptions): number {
  const refs = options.questionnaire ?? defaultQuestionnaires();
  const loaded = refs.map((ref) => ({ ref, loaded: unwrap(resolveRef(ref)) }));
  const customPaths = Object.fromEntries(
    loaded.filter((l) => !l.loaded.builtin).map((l) => [l.loaded.value.id, l.ref]),
  );
  const toStdout = file === '-';
  const text = renderTemplate(
    loaded.map((l) => l.loaded.value),
    {
      subject: options.subject,
      assessor: options.assessor,
      language: options.lang ?? defaultLanguage(ctx.env, undefined),
      schemaRef: schemaRefFor(toStdout ? undefined : file),
      customPaths,
    },
  );
  const hint = 'use --force to overwrite it, or give another file name';
  if (!writeNewAnswersFile(ctx, file, text, options.force === true, hint)) return ExitCode.ok;
  const statements = loaded.reduce((n, l) => n + statementCount(l.loaded.value), 0);
  ctx.info(
    `wrote ${file}: ${statements} statements to answer${options.subject === undefined ? ', and the subject' : ''}; then run: trustcheck audit --answers ${file}`,
  );
  return ExitCode.ok;
}
