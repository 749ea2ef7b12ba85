// A built-in questionnaire whose YAML changed since the build is parsed and validated again, and
// the report carries the digest of the file as it is now.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, fillTemplate, root, run, tempDir, write } from '../support/helpers.js';
import { spawnSync } from 'node:child_process';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('a built-in changed since the build', () => {
  it('is validated again, and the report has the digest of its bytes now', () => {
    const copy = join(dir, 'trustcheck');
    for (const part of ['bin', 'dist', 'questionnaires', 'schemas', 'package.json']) {
      cpSync(join(root, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    // the newest version, which `init` writes the template for
    const yaml = join(copy, 'questionnaires', 'trustability', '1.1.1.yaml');
    appendFileSync(yaml, '# a comment added after the build\n');
    const answers = join(dir, 'answers.yaml');
    write(answers, fillTemplate(run(['init', '-', '--subject', 'Changed']).stdout));
    const result = spawnSync(
      process.execPath,
      [join(copy, 'bin', 'trustcheck.cjs'), 'audit', '-a', answers, '-f', 'json'],
      { env: cleanEnv(), encoding: 'utf8' },
    );
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      questionnaires: { id: string; digest: string }[];
    };
    const sha = createHash('sha256').update(readFileSync(yaml)).digest('hex');
    expect(report.questionnaires.find((q) => q.id === 'trustability')?.digest).toBe(
      `sha256:${sha}`,
    );
  });
});
