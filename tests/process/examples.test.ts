// What the README and docs show works: the quick start's example, the scaffold, the custom
// questionnaire workflow, and `questionnaires list/show`.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, fixtures, read, root, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('examples and docs', () => {
  it('the quick start audits examples/acme-answers.yaml', () => {
    const result = run(['audit', '--answers', 'examples/acme-answers.yaml', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^# Trustability test and Transparency check-up: Acme B\.V\., 2026-11-23\n/,
    );
    expect(result.stderr).toContain(
      'Transparency check-up\n' +
        '✗ no   3/5  Do you earn nothing from customers because they are late, unaware, or did not read the small print?\n' +
        '            – You earn nothing from conditions in the small print that customers have not read.\n' +
        '            – Your prices and conditions are stated clearly and in plain language up front, so that customers know what they will pay before they buy.\n' +
        'Acme B.V.: failed, 7 of 10 questions pass, 32 of 37 statements true (not gating: --fail-on never)',
    );
    expect(result.stderr).not.toMatch(/^warning/m);
    expect(run(['audit', '--answers', 'examples/acme-answers.yaml']).code).toBe(1);
  });

  it('answers pinned to 1.0.0 keep auditing against 1.0.0, with its statements', () => {
    const pinned = join(fixtures, 'answers', 'valid', 'acme-1.0.0.yaml');
    expect(read(pinned)).toContain('trust-earned-first: yes');
    const result = run(['audit', '--answers', pinned, '--fail-on', 'never', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'Acme B.V.: failed, 7 of 10 questions pass, 32 of 36 statements true (not gating: --fail-on never)',
    );
    expect(result.stderr).not.toMatch(/^warning/m);
    const report = JSON.parse(result.stdout) as {
      questionnaires: { id: string; version: string }[];
    };
    expect(report.questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual([
      'trustability@1.0.0',
      'transparantie-apk@1.0.0',
    ]);
  });

  it.each([
    [
      'questionnaires/trustability/1.1.0.yaml',
      'ok questionnaires/trustability/1.1.0.yaml: trustability@1.1.0, 5 sections, 18 statements\n',
    ],
    [
      'questionnaires/transparantie-apk/1.1.0.yaml',
      'ok questionnaires/transparantie-apk/1.1.0.yaml: transparantie-apk@1.1.0, 5 sections, 19 statements\n',
    ],
    [
      'questionnaires/trustability/1.1.1.yaml',
      'ok questionnaires/trustability/1.1.1.yaml: trustability@1.1.1, 5 sections, 18 statements\n',
    ],
    [
      'questionnaires/transparantie-apk/2.0.0.yaml',
      'ok questionnaires/transparantie-apk/2.0.0.yaml: transparantie-apk@2.0.0, 5 sections, 18 statements\n',
    ],
    [
      'examples/know-like-trust.yaml',
      'ok examples/know-like-trust.yaml: know-like-trust@0.1.1, 4 sections, 9 statements\n',
    ],
  ])('questionnaires validate %s', (file, stderr) => {
    const result = run(['questionnaires', 'validate', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(stderr);
  });

  it('examples/know-like-trust.yaml can be audited with -q', () => {
    expect(
      run(
        [
          'init',
          'k.yaml',
          '-q',
          join(root, 'examples', 'know-like-trust.yaml'),
          '--subject',
          'Acme',
        ],
        {
          cwd: dir,
        },
      ).code,
    ).toBe(0);
    write(join(dir, 'k.yaml'), fillTemplate(read(join(dir, 'k.yaml'))));
    const audit = run(
      ['audit', '-a', 'k.yaml', '-q', join(root, 'examples', 'know-like-trust.yaml'), '-f', 'json'],
      { cwd: dir },
    );
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({
      passed: true,
      totals: { statements: 9 },
      questionnaires: [{ id: 'know-like-trust', version: '0.1.1' }],
    });
  });

  it('questionnaires new scaffolds a file that passes validate, and can be audited with -q', () => {
    expect(run(['questionnaires', 'new', 'supplier-check'], { cwd: dir }).code).toBe(0);
    const validate = run(['questionnaires', 'validate', 'supplier-check.yaml'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toBe(
      'ok supplier-check.yaml: supplier-check@0.1.0, 1 section, 2 statements\n',
    );
    expect(run(['questionnaires', 'new', 'supplier-check'], { cwd: dir }).code).toBe(2);
    expect(
      run(['init', 'a.yaml', '-q', './supplier-check.yaml', '--subject', 'Acme'], { cwd: dir })
        .code,
    ).toBe(0);
    write(join(dir, 'a.yaml'), fillTemplate(read(join(dir, 'a.yaml'))));
    const audit = run(['audit', '-a', 'a.yaml', '-q', './supplier-check.yaml', '-f', 'json'], {
      cwd: dir,
    });
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({
      passed: true,
      questionnaires: [{ id: 'supplier-check', version: '0.1.0' }],
    });
  });

  it('examples/supplier-check.yaml validates', () => {
    expect(
      run(['questionnaires', 'validate', join(root, 'examples', 'supplier-check.yaml')]).code,
    ).toBe(0);
  });

  it('questionnaires list and show', () => {
    const list = run(['questionnaires', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        id: 'transparantie-apk',
        version: '2.0.0',
        versions: ['2.0.0', '1.1.0', '1.0.0'],
        sections: 5,
        statements: 18,
      }),
      expect.objectContaining({
        id: 'trustability',
        version: '1.1.1',
        versions: ['1.1.1', '1.1.0', '1.0.0'],
        sections: 5,
        statements: 18,
      }),
    ]);
    const table = run(['questionnaires', 'list']);
    expect(table.stdout).toBe(
      'ID                 VERSION              LANGUAGES  SECTIONS  STATEMENTS  TITLE\n' +
        'transparantie-apk  2.0.0, 1.1.0, 1.0.0  nl, en     5         18          Transparency check-up\n' +
        'trustability       1.1.1, 1.1.0, 1.0.0  en, nl     5         18          Trustability test\n',
    );
    const show = run(['questionnaires', 'show', 'trustability', '--format', 'json']);
    const q = JSON.parse(show.stdout) as { sections: { statements: { text: string }[] }[] };
    expect(q.sections).toHaveLength(5);
    expect(q.sections.flatMap((s) => s.statements)).toHaveLength(18);
    expect(q.sections[0]!.statements[0]!.text).toBe(
      'You remind customers when their warranty or guarantee period is about to expire.',
    );
    const nl = run(['questionnaires', 'show', 'trustability@1.0.0', '--lang', 'nl']);
    expect(nl.stdout).toMatch(/^# Betrouwbaarheidstest \(trustability@1\.0\.0\)/);
    // a bare id is the newest version
    const apk = run(['questionnaires', 'show', 'transparantie-apk', '--lang', 'nl']);
    expect(apk.stdout).toMatch(/^# Transparantie APK \(transparantie-apk@2\.0\.0\)/);
    expect(apk.stdout).not.toContain('trust-earned-first');
    expect(apk.stdout).not.toContain('mistake-proof-offering');
    expect(apk.stdout).toContain('customers-cannot-make-mistakes');
  });
});
