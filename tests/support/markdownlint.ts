// markdownlint-cli2, the version pinned in package.json, run as users run it: on files in a
// folder, with the default rules but MD013 (line length), the configuration trustcheck promises.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.js';

export const markdownlintCli = join(
  root,
  'node_modules',
  'markdownlint-cli2',
  'markdownlint-cli2-bin.mjs',
);

export interface LintResult {
  status: number | null;
  /** What the CLI printed (stdout and stderr): its banner, the files and every problem. */
  output: string;
  /** One line per problem: `file:line:col rule detail`. */
  problems: string[];
}

/** Lints `files` (names relative to `dir`) with the default rules but MD013. */
export function markdownlint(dir: string, files: readonly string[]): LintResult {
  writeFileSync(
    join(dir, '.markdownlint-cli2.jsonc'),
    JSON.stringify({ config: { default: true, MD013: false } }),
  );
  const result = spawnSync(process.execPath, [markdownlintCli, ...files], {
    cwd: dir,
    encoding: 'utf8',
  });
  const output = result.stdout + result.stderr;
  return {
    status: result.status,
    output,
    problems: output
      .split('\n')
      .filter((line) => /^\S+:\d+(:\d+)? (error|warning) MD\d+/.test(line)),
  };
}
