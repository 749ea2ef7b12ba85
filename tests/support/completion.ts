// What the completion tests compare the shells' offers with: the program's own commands, options
// and choices (as main.ts builds it, whoever declared them), and the shipped questionnaire
// versions, read from questionnaires/ rather than from the code that completes them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandSpecs, type CommandSpec } from '../../src/cli/commands/completion.js';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { root } from './helpers.js';

/** The program as main.ts builds it, and its commands as the completion scripts see them. */
export async function declaredProgram() {
  const quiet = { write: () => true };
  const ctx = await createContext(
    { stdout: quiet, stderr: quiet, stdin: process.stdin, env: {} },
    [],
  );
  const program = buildProgram(ctx, () => undefined);
  return { program, specs: commandSpecs(program) };
}

/** The command at `path` (words, e.g. 'questionnaires show'; '' for the program). */
export function specAt(specs: readonly CommandSpec[], path: string): CommandSpec {
  const spec = specs.find((c) => c.path.join(' ') === path);
  if (spec === undefined) throw new Error(`no command "${path}" is declared`);
  return spec;
}

/** The shipped versions of each built-in questionnaire (questionnaires/ID/VERSION.yaml). */
export const shipped: ReadonlyMap<string, readonly string[]> = new Map(
  readdirSync(join(root, 'questionnaires'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, string[]] => [
      d.name,
      readdirSync(join(root, 'questionnaires', d.name))
        .filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f))
        .map((f) => f.slice(0, -'.yaml'.length)),
    ]),
);

/** The built-in ids, sorted. */
export const builtinIds: readonly string[] = [...shipped.keys()].sort();

/** Every `id@version` of a built-in, sorted. */
export const versionsOf = (id: string): string[] =>
  (shipped.get(id) ?? []).map((v) => `${id}@${v}`).sort();
