// Writing a file the user asked for: stdout for "-", else a new file, atomically; and whether a
// report path can be written at all.
import { statSync } from 'node:fs';
import { outputThatIsAnInput } from '../io/identity.js';
import { TrustcheckError } from '../errors.js';
import { dirname } from 'node:path';
import type { Context } from './context.js';
import { assertWritable, writeFileSafely } from '../io/write.js';
import { assertAnswersTarget, inSyntaxOf } from '../app/answers-target.js';

/**
 * Writes `text` to `file`, or to stdout when `file` is "-". An existing file is replaced only
 * with `force`; `hint` says how else to go on. Returns whether a file was written.
 */
export function writeNewFile(
  ctx: Context,
  file: string,
  text: string,
  force: boolean,
  hint: string,
): boolean {
  if (file === '-') {
    ctx.stdout.write(text);
    return false;
  }
  assertWritable(file, force, hint);
  writeFileSafely(file, inSyntaxOf(file, text));
  return true;
}

/** A new answers file (init): JSON when its name says so, durable, replacing only what --force may. */
export function writeNewAnswersFile(
  ctx: Context,
  file: string,
  yamlTemplate: string,
  force: boolean,
  hint: string,
): boolean {
  if (file === '-') {
    ctx.stdout.write(yamlTemplate);
    return false;
  }
  assertAnswersTarget(file, force, hint);
  writeFileSafely(file, inSyntaxOf(file, yamlTemplate), { durable: true });
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

/** Why a report cannot be written to `file`, in words, if it cannot (checked before asking on). */
export function outputProblem(file: string): string | undefined {
  if (file === '') return 'give a file name';
  if (file === '-') return undefined;
  const folder = dirname(file);
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  } catch {
    return `the folder ${folder} does not exist; create it first, or choose another path`;
  }
  try {
    if (statSync(file).isDirectory()) return `${file} is a folder; give a file name`;
  } catch {
    // a new file
  }
  return undefined;
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
