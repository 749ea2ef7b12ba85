// `trustcheck init DIR --respondents "Anna (Sales)" "Bas (Finance)"`: one answer-file template
// per respondent of a team audit, into DIR, each with its person's assessor and role and the
// same subject. Every target is checked before the first is written: a refused one writes none.
import { join } from 'node:path';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { assertAnswersTarget } from '../../app/answers-target.js';
import { schemaRefFor } from '../../app/schema-ref.js';
import { pick } from '../../core/language.js';
import type { Questionnaire } from '../../core/model.js';
import { statementCount } from '../../core/questionnaire.js';
import { parseRespondent, respondentFileNames, sameName } from '../../core/team.js';
import { renderTemplate } from '../../core/template.js';
import { shellQuote } from '../../core/text/shell.js';
import { createFolder } from '../../io/write.js';
import type { Context } from '../context.js';
import type { InitOptions } from '../declarations.js';
import { writeNewFile } from '../output.js';

const WORDS = {
  en: {
    wrote: (n: number, dir: string, statements: number) =>
      `wrote ${n} ${n === 1 ? 'template' : 'templates'} into ${dir}, ${statements} ${statements === 1 ? 'statement' : 'statements'} each; when everyone has answered, run: trustcheck audit --team --answers ${shellQuote(dir)}`,
  },
  nl: {
    wrote: (n: number, dir: string, statements: number) =>
      `${n} ${n === 1 ? 'sjabloon' : 'sjablonen'} geschreven in ${dir}, elk met ${statements} ${statements === 1 ? 'uitspraak' : 'uitspraken'}; als iedereen heeft geantwoord: trustcheck audit --team --answers ${shellQuote(dir)}`,
  },
};

export function initTeam(
  ctx: Context,
  dir: string,
  options: InitOptions,
  questionnaires: readonly Questionnaire[],
  customPaths: Record<string, string>,
  language: string,
): number {
  if (dir === './trustcheck-answers.yaml') {
    throw new TrustcheckError(
      '--respondents writes one file per person into a folder: name it, e.g. trustcheck init team/ --respondents "Anna (Sales)" "Bas (Finance)"',
    );
  }
  if (dir === '-') {
    throw new TrustcheckError(
      '--respondents writes one file per person into a folder: give the folder instead of -',
    );
  }
  if (options.assessor !== undefined || options.role !== undefined) {
    throw new TrustcheckError(
      '--assessor and --role name one person; with --respondents each person is named there, as "Name (Role)"',
    );
  }
  const people = (options.respondents ?? []).map(parseRespondent);
  const seen = new Map<string, string>();
  for (const p of people) {
    if (p.name === '') throw new TrustcheckError('--respondents: a respondent has no name');
    const other = seen.get(sameName(p.name));
    if (other !== undefined) {
      throw new TrustcheckError(
        `--respondents names "${p.name}" twice (also as "${other}"): each person answers once; tell them apart, e.g. "Anna B." and "Anna K."`,
      );
    }
    seen.set(sameName(p.name), p.name);
  }
  const names = respondentFileNames(people.map((p) => p.name));
  const files = names.map((name) => join(dir, name));
  const hint = 'use --force to overwrite it, or give another folder';
  // every target before any is written
  for (const file of files) assertAnswersTarget(file, options.force === true, hint);
  createFolder(dir);
  const custom = Object.keys(customPaths).length > 0;
  people.forEach((p, i) => {
    const file = files[i]!;
    const text = renderTemplate(questionnaires, {
      subject: options.subject,
      assessor: p.name,
      role: p.role,
      language,
      schemaRef: schemaRefFor(file, custom ? 'answers-generic' : 'answers'),
      customPaths,
    });
    writeNewFile(ctx, file, text, { force: options.force === true, hint, answers: true });
  });
  const statements = questionnaires.reduce((n, q) => n + statementCount(q), 0);
  ctx.info(pick(WORDS, language).wrote(files.length, dir, statements));
  return ExitCode.ok;
}
