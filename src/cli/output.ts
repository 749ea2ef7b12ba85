// Writing a file the user asked for: stdout for "-", else a new file, atomically; and whether a
// report path can be written at all.
import { statSync } from 'node:fs';
import { outputThatIsAnInput } from '../io/identity.js';
import { TrustcheckError } from '../errors.js';
import { dirname } from 'node:path';
import { pick } from '../core/language.js';
import type { Context } from './context.js';
import { assertWritable, writeFileSafely } from '../io/write.js';
import { assertAnswersTarget, inSyntaxOf } from '../app/answers-target.js';

/**
 * Writes a new file the user asked for, or to stdout when `file` is "-", in the syntax its name
 * asks for (`.json`: JSON). An existing file is replaced only with `force` (an answers file only
 * over an answers file or an empty one, and flushed to disk); `hint` says how else to go on.
 * Returns whether a file was written.
 */
export function writeNewFile(
  ctx: Context,
  file: string,
  text: string,
  options: { force: boolean; hint: string; answers?: boolean },
): boolean {
  if (file === '-') {
    ctx.stdout.write(text);
    return false;
  }
  if (options.answers === true) assertAnswersTarget(file, options.force, options.hint);
  else assertWritable(file, options.force, options.hint);
  writeFileSafely(file, inSyntaxOf(file, text), { durable: options.answers === true });
  return true;
}

/** --subject names the organisation: an empty one would make an empty heading. */
export function assertSubject(subject: string | undefined): void {
  if (subject !== undefined && subject.trim() === '') {
    throw new TrustcheckError(
      '--subject is empty; give the name of the organisation audited, such as --subject "Acme B.V.", or leave the option out',
    );
  }
}

const PROBLEMS = {
  en: {
    noName: 'give a file name',
    notAFolder: (folder: string) => `${folder} is not a folder`,
    noFolder: (folder: string) =>
      `the folder ${folder} does not exist; create it first, or choose another path`,
    isAFolder: (file: string) => `${file} is a folder; give a file name`,
    isAnInput: (file: string) =>
      `${file} is an input of this audit; trustcheck never writes over its own input: choose another file`,
  },
  nl: {
    noName: 'geef een bestandsnaam',
    notAFolder: (folder: string) => `${folder} is geen map`,
    noFolder: (folder: string) =>
      `de map ${folder} bestaat niet; maak hem eerst aan, of kies een ander pad`,
    isAFolder: (file: string) => `${file} is een map; geef een bestandsnaam`,
    isAnInput: (file: string) =>
      `${file} wordt door deze audit gelezen; trustcheck schrijft nooit over zijn eigen invoer: kies een ander bestand`,
  },
};

/**
 * Why a report cannot be written to `file`, in words (in `language`), if it cannot (checked
 * before asking on).
 */
export function outputProblem(file: string, language = 'en'): string | undefined {
  const w = pick(PROBLEMS, language);
  if (file === '') return w.noName;
  if (file === '-') return undefined;
  const folder = dirname(file);
  try {
    if (!statSync(folder).isDirectory()) return w.notAFolder(folder);
  } catch {
    return w.noFolder(folder);
  }
  try {
    if (statSync(file).isDirectory()) return w.isAFolder(file);
  } catch {
    // a new file
  }
  return undefined;
}

/** The report path an interactive audit was given is one of its inputs, in words. */
export function inputProblem(file: string, language: string): string {
  return pick(PROBLEMS, language).isAnInput(file);
}

/** Refuses to write an output that is one of the run's inputs (compared by file identity). */
export function assertNotAnInput(inputs: readonly string[], outputs: readonly string[]): void {
  const clash = outputThatIsAnInput(
    inputs,
    outputs.filter((o) => o !== '-'),
  );
  if (clash !== undefined) throw inputClash(clash.output, clash.input);
}

export function inputClash(output: string, input: string): TrustcheckError {
  return new TrustcheckError(
    `${output} is ${output === input ? 'an input' : input} of this run: trustcheck never writes over its own input; choose another output file`,
  );
}
