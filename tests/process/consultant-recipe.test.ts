// docs/consultant.md followed literally: "Many clients", then "Quarterly history" for two
// quarters, then its summaries and those of "The portfolio". Every summary the recipe asks for
// counts each report once: no folder of the recipe holds a report twice.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, read, root, tempDir, write } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

const doc = read(join(root, 'docs', 'consultant.md'));

/** The text of the section under `## title`, up to the next one. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  expect(start, `docs/consultant.md has a section "${title}"`).toBeGreaterThan(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** The shell blocks of a section that run as they stand (not marked as examples). */
function shellBlocks(text: string): string[] {
  return [...text.matchAll(/(<!--[^\n]*-->\n)?```sh\n([\s\S]*?)```/g)]
    .filter((m) => m[1] === undefined)
    .map((m) => m[2]!);
}

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs a block of the recipe as a user would, with `trustcheck` on the PATH. */
function sh(block: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-e', '-c', block], {
    cwd: dir,
    encoding: 'utf8',
    env: cleanEnv({ PATH: `${join(dir, '.bin')}:${process.env.PATH ?? ''}` }),
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What each summary of the recipe printed on stderr. */
const summaries: { block: string; stderr: string }[] = [];

beforeAll(() => {
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  mkdirSync(join(dir, '.bin'));
  writeFileSync(
    join(dir, '.bin', 'trustcheck'),
    `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`,
  );
  chmodSync(join(dir, '.bin', 'trustcheck'), 0o755);

  const run = (block: string) => {
    if (!block.includes('trustcheck summary')) {
      const result = sh(block);
      expect(result.code, `${block}\n${result.stderr}`).toBe(0);
      return;
    }
    // a summary block: each command on its own, to see what each one counted
    for (const command of block.split('\n').filter((l) => /^trustcheck summary /.test(l))) {
      const result = sh(command);
      expect(result.code, `${command}\n${result.stderr}`).toBe(0);
      summaries.push({ block: command, stderr: result.stderr });
    }
  };
  for (const block of shellBlocks(section('Many clients'))) run(block);
  const quarterly = shellBlocks(section('Quarterly history'));
  const audit = quarterly.filter((b) => b.includes('trustcheck audit'));
  expect(audit).toHaveLength(1);
  // this quarter, then the next: the answers updated, and their date
  run(audit[0]!);
  const answers = join(dir, 'clients', 'acme.yaml');
  write(
    answers,
    read(answers)
      .replace(/^date: .*$/m, 'date: 2027-02-23')
      .replace(/^(\s+renewal-warning:\n\s+answer:) no$/m, '$1 yes'),
  );
  run(audit[0]!);
  for (const block of quarterly.filter((b) => !b.includes('trustcheck audit'))) run(block);
  for (const block of shellBlocks(section('The portfolio'))) run(block);
}, TIMEOUT.shell);

describe('the recipe of docs/consultant.md, followed literally', () => {
  it('runs every summary it shows', () => {
    expect(summaries.length).toBeGreaterThanOrEqual(4);
  });

  it('never gives a summary the same report twice', () => {
    for (const { block, stderr } of summaries) {
      expect(stderr, block).not.toMatch(/the same report as|given twice/);
    }
  });

  it('counts the quarterly history as two reports of one client, with the change between them', () => {
    const history = summaries.filter(({ block }) => section('Quarterly history').includes(block));
    expect(history.length).toBeGreaterThan(0);
    for (const { block, stderr } of history) {
      expect(stderr, block).toMatch(/^2 reports of 1 subject, 0 regressions, 1 improvement$/m);
    }
  });

  it('counts the latest reports as one report per client', () => {
    const latest = summaries.filter(({ block }) => section('The portfolio').includes(block));
    expect(latest.length).toBeGreaterThan(0);
    for (const { block, stderr } of latest) {
      expect(stderr, block).toMatch(/^1 report of 1 subject/m);
    }
  });
});
