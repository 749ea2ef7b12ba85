// `trustcheck upgrade FILE` on the built binary: the 1.0.0 answers of Acme move to the newest
// versions, keeping every answer, note and comment whose statement kept its id and meaning,
// dropping and listing what is no longer asked, leaving new statements unanswered and listing
// them; JSON stays JSON; --dry-run writes nothing; a newer pin is refused; the newest is left
// alone; the session lock is respected.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, read, root, run, tempDir, write } from '../support/helpers.js';

const acme100 = join(fixtures, 'answers', 'valid', 'acme-1.0.0.yaml');
const example = join(root, 'examples', 'acme-answers.yaml');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Answers = {
  questionnaires: Record<
    string,
    { version: string; answers: Record<string, Record<string, unknown> | null> }
  >;
};

const answersOf = (file: string) => parse(read(join(dir, file))) as Answers;

describe('trustcheck upgrade', () => {
  it('moves the 1.0.0 answers of Acme to the newest versions and lists what to answer', () => {
    // a comment of the user's own beside a kept answer, and one beside a dropped one
    const text = read(acme100)
      .replace(
        '        say-sorry: yes',
        '        # asked the support team, March\n        say-sorry: yes',
      )
      .replace(
        '        trust-earned-first: yes',
        '        # our own note on reviews\n        trust-earned-first: yes',
      );
    write(join(dir, 'acme.yaml'), text);
    const result = run(['upgrade', 'acme.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    // what changes, by the statements' words (stdout), and what was done (stderr)
    expect(result.stdout).toContain('Trustability test: 1.0.0 → 1.1.1\n');
    expect(result.stdout).toContain('Transparency check-up: 1.0.0 → 2.0.0\n');
    expect(result.stdout).toContain('  15 answers of 18 kept');
    expect(result.stdout).toContain(
      '    – “You have set up your product or service so that customers cannot make costly mistakes with it.” (was: yes)\n',
    );
    expect(result.stdout).toContain(
      '  3 new statements, left unanswered (~) to answer:\n    – “You have set up your product or service so that customers cannot make mistakes with it.”\n',
    );
    expect(result.stderr).toBe(
      'wrote acme.yaml\n3 new statements are unanswered (~); answer them in the file, or with `trustcheck audit --answers acme.yaml --interactive`\n',
    );

    const after = read(join(dir, 'acme.yaml'));
    const answers = answersOf('acme.yaml');
    const apk = answers.questionnaires['transparantie-apk']!;
    expect(apk.version).toBe('2.0.0');
    expect(answers.questionnaires.trustability!.version).toBe('1.1.1');
    // kept: the answers, with their notes and evidence
    expect(apk.answers['no-profit-from-inattention']!['no-small-print-profit']).toEqual({
      answer: 'no',
      note: 'The cancellation fee is only in the small print.',
    });
    expect(
      answers.questionnaires.trustability!.answers['economic-interests']!['renewal-warning'],
    ).toEqual({
      answer: 'no',
      note: 'Gym memberships renew every year without a reminder.',
      evidence: 'Terms and conditions 2026, article 7',
    });
    // a re-meant statement never carries its answer, not even under its new id
    expect(apk.answers['proactive-warnings']).not.toHaveProperty('mistake-proof-offering');
    expect(apk.answers['proactive-warnings']!['customers-cannot-make-mistakes']).toBeNull();
    expect(apk.answers['promise-and-deliver']!['promises-kept']).toBeNull();
    expect(apk.answers['reputation-and-social-proof']).not.toHaveProperty('trust-earned-first');
    expect(apk.answers['no-profit-from-inattention']!['interest-over-turnover']).toBeNull();
    // new statements as init writes them: the words above, ~ with the answers it takes
    expect(after).toContain(
      '        # You have set up your product or service so that customers cannot make mistakes with it.\n        customers-cannot-make-mistakes: ~ # yes / no\n',
    );
    // the user's comment stays with its answer; the dropped statement's goes with it
    expect(after).toContain('        # asked the support team, March\n');
    expect(after).not.toContain('our own note on reviews');
    // the template's comments take the new wording; the order is the new version's
    expect(after).toContain(
      '        # When you make a mistake, you simply say sorry to the customer.\n',
    );
    expect(after).not.toContain('you apologise to the customer');
    expect(after.indexOf('customers-cannot-make-mistakes')).toBeGreaterThan(
      after.indexOf('warranty-expiry-check'),
    );
    // the file's own header stays as it was
    expect(after.split('\n').slice(0, 8)).toEqual(text.split('\n').slice(0, 8));

    // what it takes to audit now: exactly the three new statements
    const audit = run(['audit', '-a', 'acme.yaml'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('customers-cannot-make-mistakes');
    expect(audit.stderr).toContain('interest-over-turnover');
    expect(audit.stderr).toContain('promises-kept');
    expect(run(['audit', '-a', 'acme.yaml', '--allow-incomplete'], { cwd: dir }).code).toBe(1);

    // again: nothing to do, nothing written
    const before = statSync(join(dir, 'acme.yaml')).mtimeMs;
    const again = run(['upgrade', 'acme.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      'acme.yaml: every built-in questionnaire is at its newest version; nothing to do\n',
    );
    expect(statSync(join(dir, 'acme.yaml')).mtimeMs).toBe(before);
  });

  it('moves the example file (1.1.0): a moved statement keeps its answer in its new question', () => {
    write(join(dir, 'example.yaml'), read(example));
    const result = run(['upgrade', 'example.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  moved to another question, with its answer:\n');
    const apk = answersOf('example.yaml').questionnaires['transparantie-apk']!;
    expect(apk.answers['no-profit-from-inattention']!['interest-over-turnover']).toBe('yes');
    expect(apk.answers['reputation-and-social-proof']).not.toHaveProperty('interest-over-turnover');
    // 1.1.0's meaning of mistake-proof-offering has an id of its own in 2.0.0, and is asked again
    expect(apk.answers['proactive-warnings']!['customers-cannot-make-mistakes']).toBeNull();
    expect(apk.answers['no-profit-from-inattention']).not.toHaveProperty('prices-clear-up-front');
    expect(result.stdout).toContain(
      '“Your prices and conditions are stated clearly and in plain language up front, so that customers know what they will pay before they buy.” (was: no)',
    );
  });

  it('keeps JSON as JSON', () => {
    const data = parse(read(acme100)) as Answers;
    writeFileSync(join(dir, 'acme.json'), `${JSON.stringify(data, null, 2)}\n`);
    const result = run(['upgrade', 'acme.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = read(join(dir, 'acme.json'));
    const upgraded = JSON.parse(text) as Answers;
    expect(upgraded.questionnaires['transparantie-apk']!.version).toBe('2.0.0');
    expect(
      upgraded.questionnaires['transparantie-apk']!.answers['proactive-warnings']![
        'customers-cannot-make-mistakes'
      ],
    ).toBeNull();
    expect(text).not.toContain('#');
    expect(run(['audit', '-a', 'acme.json', '--allow-incomplete'], { cwd: dir }).code).toBe(1);
  });

  it('--dry-run prints what would change and writes nothing', () => {
    write(join(dir, 'acme.yaml'), read(acme100));
    const before = readFileSync(join(dir, 'acme.yaml'));
    const mtime = statSync(join(dir, 'acme.yaml')).mtimeMs;
    const result = run(['upgrade', 'acme.yaml', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Transparency check-up: 1.0.0 → 2.0.0\n');
    expect(result.stdout).toContain('3 new statements');
    expect(result.stderr).toBe(
      'nothing written (--dry-run); run without it to upgrade acme.yaml\n',
    );
    expect(readFileSync(join(dir, 'acme.yaml'))).toEqual(before);
    expect(statSync(join(dir, 'acme.yaml')).mtimeMs).toBe(mtime);
  });

  it('refuses to move answers to an older version', () => {
    write(
      join(dir, 'newer.yaml'),
      read(acme100).replace(/(transparantie-apk:\n {4}version: )1\.0\.0/, '$12.1.0'),
    );
    const before = read(join(dir, 'newer.yaml'));
    const result = run(['upgrade', 'newer.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'newer.yaml:75:14: transparantie-apk 2.1.0 is newer than the newest version this trustcheck ships (2.0.0); trustcheck upgrade never moves answers to an older version',
    );
    expect(read(join(dir, 'newer.yaml'))).toBe(before);
  });

  it('refuses answers that do not fit the version they were given against, at file:line:col', () => {
    write(
      join(dir, 'typo.yaml'),
      read(acme100).replace('        say-sorry: yes', '        say-sory: yes'),
    );
    const result = run(['upgrade', 'typo.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/typo\.yaml:\d+:\d+: unknown statement "say-sory"/);
  });

  it('says it in the file’s language (--lang too)', () => {
    write(join(dir, 'acme.yaml'), read(acme100));
    const result = run(['upgrade', 'acme.yaml', '--lang', 'nl', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Transparantie APK: 1.0.0 → 2.0.0\n');
    expect(result.stdout).toContain('3 nieuwe uitspraken, onbeantwoord gelaten (~)');
    expect(result.stdout).toContain('(was: ja)');
    expect(result.stderr).toContain('niets geschreven (--dry-run)');
  });

  it('waits for no other session: a file being answered elsewhere is refused', () => {
    write(join(dir, 'acme.yaml'), read(acme100));
    write(
      join(dir, 'acme.yaml.lock'),
      `${JSON.stringify({ pid: 1, host: 'elsewhere.example', started: '2026-11-23T10:00:00.000Z' })}\n`,
    );
    const result = run(['upgrade', 'acme.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('acme.yaml is being answered in another session');
    expect(read(join(dir, 'acme.yaml'))).toBe(read(acme100));
  });

  it('leaves a custom questionnaire as it is, and moves the built-ins', () => {
    const text = read(acme100).replace(
      'questionnaires:\n',
      'questionnaires:\n  supplier-check:\n    version: 0.1.0\n    answers:\n      delivery:\n        on-time: yes\n',
    );
    write(join(dir, 'mixed.yaml'), text);
    const result = run(['upgrade', 'mixed.yaml', '--no-interactive'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'supplier-check: not a built-in questionnaire; left as it is: upgrade moves the built-in questionnaires only\n',
    );
    const answers = answersOf('mixed.yaml');
    expect(answers.questionnaires['supplier-check']).toEqual({
      version: '0.1.0',
      answers: { delivery: { 'on-time': 'yes' } },
    });
    expect(answers.questionnaires['transparantie-apk']!.version).toBe('2.0.0');
  });

  it('a pipe is no file to write back into (--dry-run reads one)', () => {
    const result = run(['upgrade', '/dev/stdin'], { cwd: dir, input: read(acme100) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a regular file');
  });
});
