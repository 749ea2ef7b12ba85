// Action plans end to end, through the built binary: an action in a YAML and in a JSON answer
// file; its validation; overdue by the audit's date (SOURCE_DATE_EPOCH); done and postponed
// against a baseline; the action plan in every report; `--fail-on regression,overdue`; the GitHub
// annotation on the `due:` line; JUnit failures of type overdue, valid against Ant's schema.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, read, run, tempDir, write } from '../support/helpers.js';
import { shared } from '../support/skip.js';

const xsd = shared('fixtures/JUnit.xsd', "Apache Ant's JUnit schema");

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** 2026-11-23, the date of the answer files below that give none */
const NOV_23 = { SOURCE_DATE_EPOCH: '1795392000' };
const ONE_NO = read(join(fixtures, 'answers', 'valid', 'one-no.yaml'));

/** one-no.yaml with the action `action` (YAML lines, under renewal-warning), and changes. */
function answers(action: string[], edit: (text: string) => string = (t) => t): string {
  const lines = action.map((l) => `          ${l}`).join('\n');
  return edit(
    ONE_NO.replace(
      '          evidence: Policy doc 2026-14\n',
      `          evidence: Policy doc 2026-14\n${lines}${lines === '' ? '' : '\n'}`,
    ),
  );
}
const BAS = (due: string) => [
  'action:',
  '  what: Send a reminder 30 days before every automatic renewal.',
  '  owner: Bas (Finance)',
  `  due: ${due}`,
];

type Json = {
  questionnaires: {
    sections: {
      statements: { id: string; satisfied: boolean; actions?: Record<string, unknown>[] }[];
    }[];
  }[];
  actionTotals: Record<string, number>;
};
const statement = (report: Json, id: string) =>
  report.questionnaires
    .flatMap((q) => q.sections.flatMap((s) => s.statements))
    .find((s) => s.id === id)!;
const audit = (file: string, args: string[], env: Record<string, string> = {}) =>
  run(['audit', '-a', file, ...args], { cwd: dir, env });

describe('an action in the answer file', () => {
  it('in YAML and in JSON: the report carries it, with its status, and the plan in numbers', () => {
    write(join(dir, 'a.yaml'), answers(BAS('2027-03-31')));
    const yaml = audit('a.yaml', ['-f', 'json', '--fail-on', 'never']);
    expect(yaml.code).toBe(0);
    const report = JSON.parse(yaml.stdout) as Json;
    expect(statement(report, 'renewal-warning').actions).toEqual([
      {
        what: 'Send a reminder 30 days before every automatic renewal.',
        owner: 'Bas (Finance)',
        due: '2027-03-31',
        status: 'open',
        previousDue: null,
      },
    ]);
    expect(statement(report, 'warranty-expiry').actions).toEqual([]);
    expect(report.actionTotals).toEqual({
      planned: 1,
      unplanned: 0,
      overdue: 0,
      postponed: 0,
      doneSinceBaseline: 0,
    });

    // the same action in a JSON answer file, without `what`: the statement's remedy is what
    // is to be done
    const json = {
      format: 'trustcheck-answers/1',
      subject: 'Acme B.V.',
      date: '2026-11-23',
      questionnaires: {
        trustability: {
          version: '1.0.0',
          answers: {
            'economic-interests': {
              'warranty-expiry': 'yes',
              'renewal-warning': {
                answer: 'no',
                action: { owner: 'Bas (Finance)', due: '2027-03-31' },
              },
            },
          },
        },
      },
    };
    write(join(dir, 'a.json'), JSON.stringify(json, null, 2));
    const fromJson = audit('a.json', ['-f', 'json', '--fail-on', 'never', '--allow-incomplete']);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    const action = statement(JSON.parse(fromJson.stdout) as Json, 'renewal-warning').actions![0]!;
    expect(action.what).toMatch(/^Send every customer a notice/);
    expect(action.owner).toBe('Bas (Finance)');
  });

  it('is checked as the rest of the file: file:line:col, a real due date, an owner, known keys', () => {
    write(
      join(dir, 'bad.yaml'),
      answers(['action:', '  ownr: Bas', '  due: 2027-02-30'], (t) =>
        t.replace(
          '        upgrade-eligibility: yes',
          '        upgrade-eligibility:\n          answer: no\n          action: { owner: Anna }',
        ),
      ),
    );
    const result = audit('bad.yaml', ['--fail-on', 'never']);
    expect(result.code).toBe(2);
    const lines = ONE_NO.split('\n');
    const at = lines.indexOf('          evidence: Policy doc 2026-14') + 2;
    expect(result.stderr).toMatch(
      new RegExp(`bad\\.yaml:${at + 1}:\\d+: .*ownr.*did you mean "owner"`),
    );
    expect(result.stderr).toContain(
      `bad.yaml:${at + 2}:18: the date 2027-02-30 does not exist: February 2027 has 28 days`,
    );
    expect(result.stderr).toContain(
      `bad.yaml:${at + 1}:13: missing "owner" (who will make the statement true)`,
    );
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+: missing "due" \(by when, YYYY-MM-DD\)/);
    expect(result.stderr).not.toContain('    at ');
  });
});

describe('overdue, done and postponed', () => {
  it('is overdue when its statement is not true and its date lies before the audit date (SOURCE_DATE_EPOCH)', () => {
    const noDate = (t: string) => t.replace('date: 2026-11-23\n', '');
    write(join(dir, 'late.yaml'), answers(BAS('2026-11-22'), noDate));
    write(join(dir, 'today.yaml'), answers(BAS('2026-11-23'), noDate));
    const late = audit('late.yaml', ['-f', 'json', '--fail-on', 'overdue'], NOV_23);
    expect(late.code).toBe(1);
    expect(statement(JSON.parse(late.stdout) as Json, 'renewal-warning').actions![0]!.status).toBe(
      'overdue',
    );
    // the verdict line names the overdue actions and their owners
    expect(late.stderr.trimEnd().split('\n').at(-1)).toBe(
      'Acme B.V.: failed, 4 of 5 questions pass, 17 of 18 statements true; 1 action overdue (Bas (Finance)) (exit 1)',
    );
    // due on the audit's date is not overdue yet
    const due = audit('today.yaml', ['-f', 'json', '--fail-on', 'overdue'], NOV_23);
    expect(due.code).toBe(0);
    // a day later it is
    expect(
      audit('today.yaml', ['--fail-on', 'overdue'], { SOURCE_DATE_EPOCH: '1795478400' }).code,
    ).toBe(1);
  });

  it('an action on a satisfied statement is done, never overdue', () => {
    write(
      join(dir, 'done.yaml'),
      answers(BAS('2026-01-31'), (t) =>
        t.replace('          answer: no\n', '          answer: yes\n'),
      ),
    );
    const result = audit('done.yaml', ['-f', 'json', '--fail-on', 'overdue']);
    expect(result.code).toBe(0);
    expect(
      statement(JSON.parse(result.stdout) as Json, 'renewal-warning').actions![0]!.status,
    ).toBe('done');
  });

  it('against a baseline: done since, postponed with both dates, new; and the plan says so', () => {
    const june = (t: string) => t.replace('date: 2026-11-23', 'date: 2026-06-01');
    const upgradeNo = (t: string) =>
      t.replace(
        '        upgrade-eligibility: yes',
        '        upgrade-eligibility:\n          answer: no\n          action: { owner: Anna, due: 2026-09-30 }',
      );
    write(
      join(dir, 'june.yaml'),
      answers(BAS('2026-08-31'), (t) => upgradeNo(june(t))),
    );
    expect(audit('june.yaml', ['-o', 'june.json', '--fail-on', 'never']).code).toBe(0);
    // November: the upgrade advice is given now (Anna's promise kept, her action gone from the
    // file); the renewal reminder is moved to the end of the year; a new action is written
    write(
      join(dir, 'nov.yaml'),
      answers(BAS('2026-12-31'), (t) =>
        t.replace(
          '        unclaimed-entitlements: yes',
          '        unclaimed-entitlements:\n          answer: no\n          action: { owner: Kees, due: 2027-01-15 }',
        ),
      ),
    );
    const result = audit('nov.yaml', [
      '--baseline',
      'june.json',
      '-o',
      'nov.json',
      '-o',
      'nov.md',
      '--fail-on',
      'regression,overdue',
    ]);
    // unclaimed-entitlements was true in June: a regression
    expect(result.code).toBe(1);
    const report = JSON.parse(read(join(dir, 'nov.json'))) as Json;
    expect(statement(report, 'renewal-warning').actions).toEqual([
      expect.objectContaining({
        status: 'postponed',
        due: '2026-12-31',
        previousDue: '2026-08-31',
      }),
    ]);
    expect(statement(report, 'upgrade-eligibility').actions).toEqual([
      expect.objectContaining({ owner: 'Anna', status: 'done' }),
    ]);
    expect(statement(report, 'unclaimed-entitlements').actions).toEqual([
      expect.objectContaining({ owner: 'Kees', status: 'new' }),
    ]);
    expect(report.actionTotals).toEqual({
      planned: 2,
      unplanned: 0,
      overdue: 0,
      postponed: 1,
      doneSinceBaseline: 1,
    });
    const md = read(join(dir, 'nov.md'));
    expect(md).toContain('*postponed from 2026-08-31 to 2026-12-31*');
    expect(md).toContain('### Done since the baseline');
    expect(md).toContain('- Anna:');
    // verify holds the report to its answers without the baseline: what, owner and due are
    // checked; the statuses only the baseline can tell are the consistency check's
    const verified = run(['verify', 'nov.json', '--answers', 'nov.yaml'], { cwd: dir });
    expect(verified.code, verified.stderr).toBe(0);
    write(
      join(dir, 'nov-owner.json'),
      read(join(dir, 'nov.json')).replace('"owner": "Kees"', '"owner": "Someone else"'),
    );
    const other = run(['verify', 'nov-owner.json', '--answers', 'nov.yaml'], { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('in the report is "Someone else", but the answers give "Kees"');
    // the plan is sorted by due date: the postponed reminder, then the new action
    expect(md.indexOf('2026-12-31, Bas')).toBeLessThan(md.indexOf('2027-01-15, Kees'));
  });

  it('a postponed action is overdue again once its new date has passed', () => {
    const result = audit(
      'nov.yaml',
      ['--baseline', 'june.json', '-f', 'json', '--fail-on', 'overdue'],
      {
        SOURCE_DATE_EPOCH: '1798761600', // 2027-01-01
      },
    );
    // the answer file's own date (2026-11-23) is the audit's date: not overdue
    expect(result.code).toBe(0);
    write(
      join(dir, 'jan.yaml'),
      read(join(dir, 'nov.yaml')).replace('date: 2026-11-23', 'date: 2027-01-02'),
    );
    const jan = audit('jan.yaml', [
      '--baseline',
      'june.json',
      '-f',
      'json',
      '--fail-on',
      'overdue',
    ]);
    expect(jan.code).toBe(1);
    expect(statement(JSON.parse(jan.stdout) as Json, 'renewal-warning').actions![0]).toMatchObject({
      status: 'overdue',
      previousDue: '2026-08-31',
    });
  });
});

describe('--fail-on takes a comma list', () => {
  it('regression,overdue: exit 1 on either, 0 on neither; never with another is refused', () => {
    write(join(dir, 'base.yaml'), answers(BAS('2027-03-31')));
    expect(audit('base.yaml', ['-o', 'base.json', '--fail-on', 'never']).code).toBe(0);
    const policy = ['--baseline', 'base.json', '--fail-on', 'regression,overdue'];
    expect(audit('base.yaml', policy).code).toBe(0);
    write(join(dir, 'over.yaml'), answers(BAS('2026-11-01')));
    expect(audit('over.yaml', policy).code).toBe(1);
    write(
      join(dir, 'regr.yaml'),
      answers(BAS('2027-03-31'), (t) =>
        t.replace('        upgrade-eligibility: yes', '        upgrade-eligibility: no'),
      ),
    );
    expect(audit('regr.yaml', policy).code).toBe(1);
    // only overdue: the regression alone does not fail it
    expect(audit('regr.yaml', ['--baseline', 'base.json', '--fail-on', 'overdue']).code).toBe(0);

    const never = audit('over.yaml', ['--fail-on', 'never,overdue']);
    expect(never.code).toBe(2);
    expect(never.stderr).toContain(
      'error: --fail-on "never,overdue": never cannot be combined with another condition; give never alone, or leave it out',
    );
    const unknown = audit('over.yaml', ['--fail-on', 'regression,late']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"late" is not a condition');
    // the default is unchanged: fail without a baseline
    expect(audit('base.yaml', []).code).toBe(1);
  });
});

describe('CI formats', () => {
  it('-f github annotates an overdue action on its due: line, under --fail-on overdue', () => {
    const result = audit('over.yaml', ['-f', 'github', '--fail-on', 'fail,overdue']);
    expect(result.code).toBe(1);
    const dueLine =
      read(join(dir, 'over.yaml')).split('\n').indexOf('            due: 2026-11-01') + 1;
    expect(dueLine).toBeGreaterThan(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `::error file=[^,]*over\\.yaml,line=${dueLine},title=overdue%3A Bas \\(Finance\\)%2C 2026-11-01::Send a reminder 30 days before every automatic renewal\\.`,
      ),
    );
    // without overdue in the policy, no such annotation
    expect(audit('over.yaml', ['-f', 'github']).stdout).not.toContain('title=overdue');
  });

  it('JUnit: an overdue action is a failure of type overdue when the policy has it, valid against the schema', async (ctx) => {
    const gated = audit('over.yaml', [
      '-f',
      'junit',
      '--baseline',
      'base.json',
      '--fail-on',
      'regression,overdue',
    ]);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toMatch(
      /<testcase [^>]*name="renewal-warning"[^>]*>\s*<failure [^>]*type="overdue"/,
    );
    // known since the baseline, and not overdue in the policy: skipped, as the exit code says
    const regressionOnly = audit('over.yaml', ['-f', 'junit', '--baseline', 'base.json']);
    expect(regressionOnly.code).toBe(0);
    expect(regressionOnly.stdout).not.toContain('type="overdue"');
    if (xsd.missing) ctx.skip(xsd.missing);
    const result = await validateXML({
      xml: [{ fileName: 'over.xml', contents: gated.stdout }],
      schema: [{ fileName: 'JUnit.xsd', contents: readFileSync(xsd.path, 'utf8') }],
    });
    expect(result.errors).toEqual([]);
  });
});

describe('summary', () => {
  it('shows the overdue actions of each subject, and counts them per report', () => {
    mkdirSync(join(dir, 'portfolio'));
    expect(audit('over.yaml', ['-o', 'portfolio/over.json', '--fail-on', 'never']).code).toBe(0);
    expect(
      audit('base.yaml', ['-o', 'portfolio/base.json', '--fail-on', 'never', '--subject', 'Globex'])
        .code,
    ).toBe(0);
    const md = run(['summary', 'portfolio'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    const section = md.stdout.split('## Overdue actions\n\n')[1]!.split('\n\n')[0];
    expect(section).toBe(
      '- Acme B.V.: 2026-11-01, Bas (Finance): Send a reminder 30 days before every automatic renewal. (You warn customers before automatically renewing their subscription or other paid service agreement.)',
    );
    const csv = run(['summary', 'portfolio', '-f', 'csv'], { cwd: dir })
      .stdout.trimEnd()
      .split('\n');
    expect(csv[0]).toMatch(/,"overdue_actions"$/);
    expect(csv.slice(1).map((l) => l.split(',').at(-1))).toEqual(['1', '0']);
  });
});
