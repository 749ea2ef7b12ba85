// `trustcheck init [FILE]`: writes an answer-file template.
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import type { InitOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { defaultQuestionnaires, isPathRef, resolveRef } from '../../app/registry.js';
import { answersSchemaWith, schemaRefFor } from '../../app/schema-ref.js';
import { defaultLanguage, pick } from '../../core/language.js';
import { statementCount } from '../../core/questionnaire.js';
import { renderTemplate } from '../../core/template.js';
import { assertAnswersTarget } from '../../app/answers-target.js';
import { writeFileSafely } from '../../io/write.js';
import { readInputFile, readStreams } from '../../io/read.js';
import { assertSubject, writeNewFile } from '../output.js';
import { prettyJson } from '../../core/text/controls.js';

/** What init says on stderr, in the template's language. */
const WORDS = {
  en: {
    stdoutNoSchema:
      'no $schema line on stdout: for editor support, run trustcheck init FILE, which points it at the schema in node_modules/trustcheck, or writes one beside FILE',
    besideSchema: (schema: string, file: string) =>
      `the $schema line points at ${schema}, written beside ${file}: trustcheck is not installed in this project (node_modules/trustcheck), and a path into a global install or npx's cache would not hold`,
    noSchema: (schema: string, file: string) =>
      `no $schema line: trustcheck is not installed in this project (node_modules/trustcheck), and ${schema} beside ${file} is not a trustcheck answers schema; write one elsewhere with --schema-file FILE`,
    genericSchema: (ids: string) =>
      `the $schema line points at the generic answers schema, which does not know ${ids}'s ids; run init with --schema-file for one that does`,
    wrote: (files: string, statements: number, subject: boolean, file: string) =>
      `wrote ${files}: ${statements} ${statements === 1 ? 'statement' : 'statements'} to answer${subject ? ', and the subject' : ''}; then run: trustcheck audit --answers ${file}`,
    and: 'and',
  },
  nl: {
    stdoutNoSchema:
      'geen $schema-regel op stdout: voor hulp in de editor, voer trustcheck init BESTAND uit; dat laat de regel naar het schema in node_modules/trustcheck wijzen, of schrijft er een naast BESTAND',
    besideSchema: (schema: string, file: string) =>
      `de $schema-regel wijst naar ${schema}, naast ${file} geschreven: trustcheck is niet in dit project geïnstalleerd (node_modules/trustcheck), en een pad naar een globale installatie of de cache van npx blijft niet geldig`,
    noSchema: (schema: string, file: string) =>
      `geen $schema-regel: trustcheck is niet in dit project geïnstalleerd (node_modules/trustcheck), en ${schema} naast ${file} is geen antwoordschema van trustcheck; schrijf er een op een andere plek met --schema-file BESTAND`,
    genericSchema: (ids: string) =>
      `de $schema-regel wijst naar het algemene antwoordschema, dat de ids van ${ids} niet kent; voer init uit met --schema-file voor een schema dat ze wel kent`,
    wrote: (files: string, statements: number, subject: boolean, file: string) =>
      `${files} geschreven: ${statements} ${statements === 1 ? 'uitspraak' : 'uitspraken'} te beantwoorden${subject ? ', en de organisatie' : ''}; daarna: trustcheck audit --answers ${file}`,
    and: 'en',
  },
};

export async function initCommand(
  ctx: Context,
  file: string,
  options: InitOptions,
): Promise<number> {
  assertSubject(options.subject);
  const refs = options.questionnaire ?? defaultQuestionnaires();
  await readStreams(refs.filter(isPathRef));
  const loaded = refs.map((ref) => ({ ref, loaded: unwrap(resolveRef(ref)) }));
  const custom = loaded.filter((l) => !l.loaded.builtin);
  const customPaths = Object.fromEntries(custom.map((l) => [l.loaded.value.id, l.ref]));
  const toStdout = file === '-';
  const hint = 'use --force to overwrite it, or give another file name';

  let schemaRef: string | undefined;
  let schemaFile: string | undefined;
  if (options.respondents !== undefined && options.schemaFile !== undefined) {
    throw new TrustcheckError(
      '--schema-file goes with one answers file; with --respondents, run trustcheck init --schema-file once for the folder, or use the shipped schema',
    );
  }
  /** The schema beside the file that trustcheck's absence from the project called for. */
  let beside: string | undefined;
  if (options.schemaFile !== undefined) {
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
    if (schemaRef === undefined) {
      // trustcheck is not installed in the file's project: the path that holds is a schema
      // beside the file (as --schema-file writes it, knowing any custom questionnaire), unless
      // a file of that name is there that init did not write
      beside = join(dirname(file), 'answers.schema.json');
      if (resolve(beside) !== resolve(file) && (!existsSync(beside) || isOurSchema(beside))) {
        schemaFile = beside;
        schemaRef = './answers.schema.json';
      }
    }
  }

  const language = options.lang ?? defaultLanguage(ctx.env, undefined);
  const w = pick(WORDS, language);
  if (options.respondents !== undefined) {
    const { initTeam } = await import('./init-team.js');
    return initTeam(
      ctx,
      file,
      options,
      loaded.map((l) => l.loaded.value),
      customPaths,
      language,
    );
  }
  const text = renderTemplate(
    loaded.map((l) => l.loaded.value),
    {
      subject: options.subject,
      assessor: options.assessor,
      role: options.role,
      language,
      schemaRef,
      customPaths,
    },
  );
  // before the schema file is written: a refused answers file writes nothing at all
  if (!toStdout) assertAnswersTarget(file, options.force === true, hint);
  if (schemaFile !== undefined) {
    const schema = answersSchemaWith(custom.map((l) => l.loaded));
    writeFileSafely(schemaFile, prettyJson(schema));
  }
  if (!writeNewFile(ctx, file, text, { force: options.force === true, hint, answers: true })) {
    ctx.info(w.stdoutNoSchema);
    return ExitCode.ok;
  }
  if (schemaRef === undefined) {
    ctx.info(w.noSchema(beside ?? 'answers.schema.json', basename(file)));
  } else if (beside !== undefined) {
    ctx.info(w.besideSchema(beside, file));
  } else if (schemaFile === undefined && custom.length > 0) {
    ctx.info(w.genericSchema(custom.map((l) => l.loaded.value.id).join(', ')));
  }
  const statements = loaded.reduce((n, l) => n + statementCount(l.loaded.value), 0);
  const files = schemaFile === undefined ? file : `${file} ${w.and} ${schemaFile}`;
  ctx.info(w.wrote(files, statements, options.subject === undefined, file));
  return ExitCode.ok;
}

/** Whether `file` is a schema that init wrote (which it may replace). */
function isOurSchema(file: string): boolean {
  const read = readInputFile(file, 'schema');
  if (!read.ok) return false;
  try {
    const id = (JSON.parse(read.text) as { $id?: unknown }).$id;
    return typeof id === 'string' && id.startsWith('urn:trustcheck:schema:answers:');
  } catch {
    return false;
  }
}
