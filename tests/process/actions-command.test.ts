// `trustcheck actions`: the open actions of the latest report of each subject, overdue first;
// read as `summary` reads reports (folders, derived verdicts, a forged report refused); CSV with
// the spreadsheet-injection rules of `summary -f csv`; an iCalendar file that a real parser reads,
// with the same UIDs and bytes on every run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, read, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
const ONE_NO = read(join(fixtures, 'answers', 'valid', 'one-no.yaml'));

/** An answer file of `subject` on `date`, renewal-warning answered No with `action` (YAML). */
function answers(subject: string, date: string, action: string, extra = ''): string {
  return ONE_NO.replace('subject: Acme B.V.', `subject: ${JSON.stringify(subject)}`)
    .replace('date: 2026-11-23', `date: ${date}`)
    .replace(
      '          evidence: Policy doc 2026-14\n',
      `          evidence: Policy doc 2026-14\n          action: ${action}\n`,
    )
    .replace('        upgrade-eligibility: yes', `        upgrade-eligibility: ${extra || 'yes'}`);
}
const actions = (args: string[], env: Record<string, string> = {}) =>
  run(['actions', ...args], { cwd: dir, env });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'reports', 'acme'), { recursive: true });
  mkdirSync(join(dir, 'reports', 'globex'), { recursive: true });
  const audit = (name: string, text: string, out: string) => {
    write(join(dir, name), text);
    const result = run(['audit', '-a', name, '-o', out, '--fail-on', 'never'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
  };
  // Acme in June: an action since superseded by its November report
  audit(
    'acme-june.yaml',
    answers('Acme B.V.', '2026-06-01', '{ owner: Old Owner, due: 2026-07-01 }'),
    'reports/acme/2026-06.json',
  );
  audit(
    'acme-nov.yaml',
    answers(
      'Acme B.V.',
      '2026-11-23',
      '{ owner: Bas (Finance), due: 2027-03-31 }',
      '\n          answer: no\n          action: { owner: Anna, due: 2026-12-15 }',
    ),
    'reports/acme/2026-11.json',
  );
  // Globex: a hostile owner and action text, due earlier
  audit(
    'globex.yaml',
    answers(
      'Globex, "Inc"; =evil',
      '2026-11-20',
      '{ what: "=HYPERLINK(\\"http://x\\")", owner: "@Mallory, the; owner\\\\", due: 2026-12-01 }',
    ),
    'reports/globex/2026-11.json',
  );
  write(join(dir, 'reports', 'package.json'), '{"name": "not a report"}');
});
afterAll(() => cleanup());

describe('trustcheck actions', () => {
  it('lists the latest report of each subject, overdue as of --as-of first, then by due date', () => {
    const result = actions(['reports', '--as-of', '2026-12-10']);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.split('\n').filter((l) => l.startsWith('| **') || /^\| \w/.test(l));
    // the header, then: Globex (overdue since 2026-12-01), Anna (2026-12-15), Bas (2027-03-31)
    expect(rows[0]).toMatch(
      /^\| Status \| Due \| Owner \| Subject \| Question \| Statement \| Action \|$/,
    );
    expect(rows.slice(1).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| **overdue** | 2026-12-01 | \\@Mallory, the; owner\\\\',
      '| planned | 2026-12-15 | Anna',
      '| planned | 2027-03-31 | Bas (Finance)',
    ]);
    // the June report's action is superseded by November's
    expect(result.stdout).not.toContain('Old Owner');
    expect(result.stderr).toContain('reports/package.json: not a trustcheck report; left out');
    expect(result.stderr).toContain('3 open actions of 2 subjects, 1 overdue as of 2026-12-10');
  });

  it('takes today from SOURCE_DATE_EPOCH, and refuses an --as-of that is no date', () => {
    const json = actions(['reports', '-f', 'json'], { SOURCE_DATE_EPOCH: '1798761600' }); // 2027-01-01
    const list = JSON.parse(json.stdout) as {
      asOf: string;
      actions: { owner: string; overdue: boolean }[];
    };
    expect(list.asOf).toBe('2027-01-01');
    expect(list.actions.map((a) => [a.owner, a.overdue])).toEqual([
      ['@Mallory, the; owner\\', true],
      ['Anna', true],
      ['Bas (Finance)', false],
    ]);
    const bad = actions(['reports', '--as-of', '2027-02-29']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of 2027-02-29: the date 2027-02-29 does not exist');
    expect(actions(['reports', '--as-of', 'tomorrow']).code).toBe(2);
  });

  it('writes CSV with the injection rules of summary: every cell quoted, formulas neutralised', () => {
    const result = actions(['reports', '--as-of', '2026-12-10', '-o', 'actions.csv']);
    expect(result.code, result.stderr).toBe(0);
    const text = read(join(dir, 'actions.csv'));
    const rows: string[][] = parseCsv(text);
    expect(rows[0]).toEqual([
      'Status',
      'Due',
      'Owner',
      'Subject',
      'Question',
      'Statement',
      'Action',
      'Report',
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual([
      'overdue',
      '2026-12-01',
      "'@Mallory, the; owner\\",
      'Globex, "Inc"; =evil',
    ]);
    expect(rows[1]![6]).toBe('\'=HYPERLINK("http://x")');
    // every cell in quotes, so a ; or , stays inside it
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });

  it('writes an iCalendar file a real parser reads, with stable UIDs and bytes', () => {
    expect(actions(['reports', '--as-of', '2026-12-10', '-o', 'a.ics']).code).toBe(0);
    expect(
      actions(['reports', '-f', 'ics', '-o', 'b.ics'], { SOURCE_DATE_EPOCH: '1798761600' }).code,
    ).toBe(0);
    const text = read(join(dir, 'a.ics'));
    // CRLF line endings, lines folded at 75 octets
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(3);
    const globex = events[0]!;
    expect(globex.summary).toBe(
      '@Mallory, the; owner\\: =HYPERLINK("http://x") (Globex, "Inc"; =evil)',
    );
    expect(globex.startDate.toString()).toBe('2026-12-01');
    expect(globex.startDate.isDate).toBe(true);
    expect(globex.endDate.toString()).toBe('2026-12-02');
    expect(globex.description).toContain('Owner: @Mallory, the; owner\\\n');
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(3);
    for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{32}@trustcheck$/);
    // DTSTAMP is the report's date, never the clock
    expect(
      calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString(),
    ).toBe('2026-11-20T00:00:00Z');

    // another day, the same actions: the same UIDs (a re-import updates them)
    const other = new ICAL.Component(ICAL.parse(read(join(dir, 'b.ics'))) as unknown[]);
    expect(
      other
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v).uid)
        .sort(),
    ).toEqual([...uids].sort());
    // a second run: the same bytes
    expect(actions(['reports', '--as-of', '2026-12-10', '-f', 'ics']).stdout).toBe(text);
  });

  it('refuses a report whose claims do not follow from its answers', () => {
    const file = join(dir, 'reports', 'globex', '2026-11.json');
    const real = read(file);
    mkdirSync(join(dir, 'forged'));
    write(join(dir, 'forged', 'globex.json'), real.replace('"status": "open"', '"status": "done"'));
    const result = actions(['forged']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /forged\/globex\.json:\d+:\d+: statement "renewal-warning" \(trustability › economic-interests\) says "actions\[0\]\.status": done, but its statement is not true and it is due on 2026-12-01/,
    );
    expect(result.stdout).toBe('');
  });
});
