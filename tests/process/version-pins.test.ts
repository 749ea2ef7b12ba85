// The version an answer file pins is the version it is audited against: SemVer build metadata
// (`1.0.0+build`) names the same version, so it is never read against another one silently.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, read, root, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const digestOf = (version: string) =>
  `sha256:${createHash('sha256')
    .update(readFileSync(join(root, 'questionnaires', 'trustability', `${version}.yaml`)))
    .digest('hex')}`;

interface JsonReport {
  questionnaires: { id: string; version: string; digest: string }[];
}

/** An answer file for trustability, every statement yes, pinned to `version`. */
function answersPinnedTo(version: string): void {
  const init = run(['init', 'a.yaml', '-q', 'trustability@1.0.0', '--subject', 'Acme'], {
    cwd: dir,
  });
  expect(init.code).toBe(0);
  const filled = fillTemplate(read(join(dir, 'a.yaml')));
  expect(filled).toMatch(/^ {4}version: 1\.0\.0$/m);
  write(join(dir, 'a.yaml'), filled.replace(/^ {4}version: 1\.0\.0$/m, `    version: ${version}`));
}

const audited = (...args: string[]) => {
  const result = run(['audit', '-a', 'a.yaml', '-f', 'json', ...args], { cwd: dir });
  return { ...result, report: JSON.parse(result.stdout || '{}') as JsonReport };
};

describe('the version an answer file pins', () => {
  it('with build metadata (1.0.0+build) is 1.0.0: audited against it, with no warning', () => {
    answersPinnedTo('1.0.0+build');
    const { code, stderr, report } = audited();
    expect(code).toBe(0);
    expect(stderr).not.toContain('warning');
    expect(report.questionnaires.map((q) => [q.id, q.version, q.digest])).toEqual([
      ['trustability', '1.0.0', digestOf('1.0.0')],
    ]);
    // --strict (warnings are errors) has nothing to refuse
    expect(audited('--strict').code).toBe(0);
  });

  it('is 1.0.0 also when -q names trustability@1.0.0, or trustability@1.0.0+build', () => {
    answersPinnedTo('1.0.0+ci.42');
    for (const ref of ['trustability@1.0.0', 'trustability@1.0.0+other']) {
      const { code, stderr, report } = audited('-q', ref);
      expect(code, stderr).toBe(0);
      expect(stderr).not.toContain('warning');
      expect(report.questionnaires[0]!.version).toBe('1.0.0');
    }
  });

  it('that is not shipped falls back to the newest of its major that means the same, and says so', () => {
    answersPinnedTo('1.0.7+build');
    const { code, stderr, report } = audited();
    expect(code).toBe(0);
    expect(stderr).toContain(
      'trustability 1.0.7+build is not shipped; using 1.1.1, which gives every statement the same meaning',
    );
    expect(report.questionnaires[0]!.version).toBe('1.1.1');
    // --strict refuses the fallback
    expect(audited('--strict').code).toBe(2);
  });

  it('names no version by a partial one: trustability@1.0 is not 1.0.0', () => {
    answersPinnedTo('1.0.0');
    const { code, stderr } = audited('-q', 'trustability@1.0');
    expect(code).toBe(2);
    expect(stderr).toContain('questionnaire trustability has no version 1.0; shipped versions:');
  });
});
