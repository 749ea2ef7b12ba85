// GitHub annotations land on the answers file wherever trustcheck runs: the runner reads `file=`
// from the repository's root (GITHUB_WORKSPACE), so a run from a subfolder writes the path
// relative to the workspace, and a run outside it (or without one) an absolute path. Each
// annotation is compared byte for byte with what @actions/core writes for the same statement.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { read, root, run, tempDir } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dir = realpathSync(dir);
  // a repository whose trustcheck setup lives in a subfolder
  mkdirSync(join(dir, 'app', 'trust'), { recursive: true });
  copyFileSync(
    join(root, 'examples', 'acme-answers.yaml'),
    join(dir, 'app', 'trust', 'answers.yaml'),
  );
});
afterEach(() => cleanup());

interface Annotation {
  title: string;
  file: string;
  line: number;
  message: string;
}

/** The annotations a report should give: one per statement that is not true, at its line. */
function expected(report: Report, file: string, answers: string): Annotation[] {
  const lines = answers.split('\n');
  const lineOf = (id: string) => lines.findIndex((l) => new RegExp(`^\\s+${id}:`).test(l)) + 1;
  return report.questionnaires.flatMap((q) =>
    q.sections.flatMap((s) =>
      s.statements
        .filter((st) => !st.satisfied)
        .map((st) => ({
          title: s.title,
          file,
          line: lineOf(st.id),
          message: [st.text, st.note, st.remedy].filter((x) => x !== null).join('\n'),
        })),
    ),
  );
}

/** What @actions/core's `error()` writes for each annotation (in a process of its own). */
function actionsCore(annotations: Annotation[]): string[] {
  const script = `
    import * as core from '@actions/core';
    const annotations = JSON.parse(process.argv[1]);
    for (const a of annotations) core.error(a.message, { title: a.title, file: a.file, startLine: a.line });
  `;
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(annotations)],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((l) => l.startsWith('::error '));
}

/**
 * trustcheck's annotations with their properties in @actions/core's order (title, file, line):
 * the runner reads them in any order; trustcheck writes them as the specification shows them.
 */
function inCoreOrder(lines: string[]): string[] {
  return lines.map((line) => {
    const match = /^::error ([^:]*)::(.*)$/s.exec(line);
    expect(match, line).not.toBeNull();
    const props = new Map(match![1]!.split(',').map((p) => p.split('=', 2) as [string, string]));
    const order = ['title', 'file', 'line'];
    expect([...props.keys()].sort()).toEqual([...order].sort());
    return `::error ${order.map((k) => `${k}=${props.get(k)!}`).join(',')}::${match![2]!}`;
  });
}

function annotate(cwd: string, answers: string, env: Record<string, string>) {
  const result = run(['audit', '-a', answers, '-f', 'github', '--fail-on', 'never'], { cwd, env });
  expect(result.code, result.stderr).toBe(0);
  const json = run(['audit', '-a', answers, '-f', 'json', '--fail-on', 'never'], { cwd, env });
  return {
    errors: result.stdout.split('\n').filter((l) => l.startsWith('::error ')),
    report: JSON.parse(json.stdout) as Report,
  };
}

describe('GitHub annotations from a subfolder', () => {
  it('name the answers file relative to GITHUB_WORKSPACE, as @actions/core writes it', () => {
    const { errors, report } = annotate(join(dir, 'app'), 'trust/answers.yaml', {
      GITHUB_WORKSPACE: dir,
      GITHUB_ACTIONS: 'true',
    });
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e).toContain('file=app/trust/answers.yaml,');
    const answers = read(join(dir, 'app', 'trust', 'answers.yaml'));
    expect(inCoreOrder(errors)).toEqual(
      actionsCore(expected(report, 'app/trust/answers.yaml', answers)),
    );
  });

  it('give the same path however the answers file is typed, and through a linked workspace', () => {
    const link = join(dir, '..', `${dir.split('/').at(-1)!}-link`);
    symlinkSync(dir, link);
    try {
      for (const [cwd, file, workspace] of [
        [join(dir, 'app', 'trust'), 'answers.yaml', dir],
        [join(dir, 'app'), './trust/../trust/answers.yaml', dir],
        [dir, join(dir, 'app', 'trust', 'answers.yaml'), dir],
        [join(dir, 'app'), 'trust/answers.yaml', link],
      ] as const) {
        const { errors } = annotate(cwd, file, { GITHUB_WORKSPACE: workspace });
        expect(errors.length, `${cwd} ${file}`).toBe(5);
        for (const e of errors)
          expect(e, `${cwd} ${file}`).toContain('file=app/trust/answers.yaml,');
      }
    } finally {
      unlinkSync(link);
    }
  });

  it('give an absolute path for a file outside the workspace, and without one', () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const absolute = join(dir, 'app', 'trust', 'answers.yaml');
    for (const env of [{ GITHUB_WORKSPACE: elsewhere }, {}] as Record<string, string>[]) {
      const { errors, report } = annotate(join(dir, 'app'), 'trust/answers.yaml', env);
      expect(inCoreOrder(errors)).toEqual(actionsCore(expected(report, absolute, read(absolute))));
    }
  });

  it('list the findings for people with the path as it was typed', () => {
    const result = run(
      ['audit', '-a', 'trust/answers.yaml', '-f', 'github', '--fail-on', 'never'],
      {
        cwd: join(dir, 'app'),
        env: { GITHUB_WORKSPACE: dir },
      },
    );
    expect(result.stdout).toMatch(/^trust\/answers\.yaml:\d+: /m);
  });
});
