// `trustcheck init [FILE]`: writes an answer-file template.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { defaultQuestionnaires, resolveRef } from '../../app/registry.js';
import { answersSchemaWith, schemaPath, schemaRefFor } from '../../app/schema-ref.js';
import { defaultLanguage, type Language } from '../../core/language.js';
import { statementCount } from '../../core/questionnaire.js';
import { renderTemplate } from '../../core/template.js';
import { assertAnswersTarget } from '../../app/answers-target.js';
import { writeFileSafely } from '../../io/write.js';
import { assertSubject, writeNewFile } from '../output.js';

export interface InitOptions {
  questionnaire?: string[];
  subject?: string;
  assessor?: string;
  lang?: Language;
  force?: boolean;
  /** true: answers.schema.json next to the answers file; a string: that file */
  schemaFile?: string | boolean;
}

export function initCommand(ctx: Context, file: string, options: InitOptions): number {
  assertSubject(options.subject);
  const refs = options.questionnaire ?? defaultQuestionnaires();
  const loaded = refs.map((ref) => ({ ref, loaded: unwrap(resolveRef(ref)) }));
  const custom = loaded.filter((l) => !l.loaded.builtin);
  const customPaths = Object.fromEntries(custom.map((l) => [l.loaded.value.id, l.ref]));
  const toStdout = file === '-';
  const hint = 'use --force to overwrite it, or give another file name';

  let schemaRef: string | undefined;
  let schemaFile: string | undefined;
  if (options.schemaFile !== undefined && options.schemaFile !== false) {
    if (toStdout) {
      throw new TrustcheckError(
        '--schema-file writes the schema next to the answers file: give a file name instead of -',
      );
    }
    schemaFile =
      typeof options.schemaFile === 'string'
        ? options.schemaFile
        : join(dirname(file), 'answers.schema.json');
    const rel = relative(dirname(resolve(file)), resolve(schemaFile))
      .split(sep)
      .join('/');
    schemaRef = rel.startsWith('.') ? rel : `./${rel}`;
    if (!options.force && existsSync(schemaFile) && !isOurSchema(schemaFile)) {
      throw new TrustcheckError(
        `${schemaFile} already exists and is not a trustcheck answers schema; use --force to overwrite it, or give another name with --schema-file FILE`,
      );
    }
  } else if (!toStdout) {
    // a custom questionnaire's id is unknown to the shipped editor schema: the generic one
    schemaRef = schemaRefFor(file, custom.length === 0 ? 'answers' : 'answers-generic');
  }

  const text = renderTemplate(
    loaded.map((l) => l.loaded.value),
    {
      subject: options.subject,
      assessor: options.assessor,
      language: options.lang ?? defaultLanguage(ctx.env, undefined),
      schemaRef,
      customPaths,
    },
  );
  // before the schema file is written: a refused answers file writes nothing at all
  if (!toStdout) assertAnswersTarget(file, options.force === true, hint);
  if (schemaFile !== undefined) {
    const schema = answersSchemaWith(custom.map((l) => l.loaded));
    writeFileSafely(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);
  }
  if (!writeNewFile(ctx, file, text, { force: options.force === true, hint, answers: true })) {
    ctx.info(
      `no $schema line on stdout: for editor support, add "# yaml-language-server: $schema=PATH" with the path of ${schemaPath('answers')} relative to the file, or run trustcheck init FILE`,
    );
    return ExitCode.ok;
  }
  if (schemaRef === undefined) {
    ctx.info(
      `no $schema line: ${schemaPath('answers')} is missing; run trustcheck init --schema-file to write a schema next to ${basename(file)}`,
    );
  } else if (schemaFile === undefined && custom.length > 0) {
    ctx.info(
      `the $schema line points at the generic answers schema, which does not know ${custom.map((l) => l.loaded.value.id).join(', ')}'s ids; run init with --schema-file for one that does`,
    );
  }
  const statements = loaded.reduce((n, l) => n + statementCount(l.loaded.value), 0);
  ctx.info(
    `wrote ${file}${schemaFile === undefined ? '' : ` and ${schemaFile}`}: ${statements} ${statements === 1 ? 'statement' : 'statements'} to answer${options.subject === undefined ? ', and the subject' : ''}; then run: trustcheck audit --answers ${file}`,
  );
  return ExitCode.ok;
}

/** Whether `file` is a schema that init wrote (which it may replace). */
function isOurSchema(file: string): boolean {
  try {
    const id = (JSON.parse(readFileSync(file, 'utf8')) as { $id?: unknown }).$id;
    return typeof id === 'string' && id.startsWith('urn:trustcheck:schema:answers:');
  } catch {
    return false;
  }
}
