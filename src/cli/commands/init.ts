// `trustcheck init [FILE]`: writes an answer-file template.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../../errors.js';
import { renderTemplate } from '../../core/template.js';
import { statementCount } from '../../core/questionnaire.js';
import { writeNewFile } from '../output.js';
import { defaultQuestionnaires, packageRoot, resolveRef } from '../../questionnaires.js';
import { defaultLanguage } from '../language.js';
import { VERSION } from '../main.js';

export interface InitOptions {
  questionnaire?: string[];
  subject?: string;
  assessor?: string;
  lang?: 'en' | 'nl';
  force?: boolean;
}

/**
 * Where editors find the answers schema: the local install when trustcheck runs from the
 * folder's node_modules, else the published copy of this version.
 */
export function schemaRefFor(file: string | undefined): string {
  const published = `https://unpkg.com/trustcheck@${VERSION}/schemas/answers.schema.json`;
  if (file === undefined) return published;
  const folder = dirname(resolve(file));
  const root = packageRoot();
  const local = resolve(root, 'schemas', 'answers.schema.json');
  if (!root.split(sep).includes('node_modules')) return published;
  const rel = relative(folder, local).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function initCommand(ctx: Context, file: string, options: InitOptions): number {
  const refs = options.questionnaire ?? defaultQuestionnaires();
  const loaded = refs.map((ref) => ({ ref, loaded: resolveRef(ref) }));
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
  if (!writeNewFile(ctx, file, text, options.force === true, hint)) return ExitCode.ok;
  const statements = loaded.reduce((n, l) => n + statementCount(l.loaded.value), 0);
  ctx.info(
    `wrote ${file}: ${statements} statements to answer${options.subject === undefined ? ', and the subject' : ''}; then run: trustcheck audit --answers ${file}`,
  );
  return ExitCode.ok;
}
