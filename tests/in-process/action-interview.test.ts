// After a No the interview asks, skippably, who will make the statement true and by when: an
// owner (Enter skips), then a real date, validated in the audit's language. An action already in
// the file is kept (--resume, --interactive); a changed answer asks to keep, change or clear it,
// as it does the note. The review screen says which question has untrue statements without one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../src/cli/commands/audit.js';
import type { AuditOptions } from '../../src/cli/declarations.js';
import { interview, type InterviewPlan } from '../../src/interactive/interview.js';
import {
  choicesOf,
  choose,
  ctrlC,
  done,
  expecting,
  flat,
  no,
  scripted,
  skipAction,
  take,
  type,
  yes,
  type Step,
} from '../support/scripted-prompts.js';
import { auditOptions, interviewContext, interviewPlan } from '../support/interview.js';
import { waitFor } from '../support/wait.js';

let dir: string;
let file: string;
let stderr: string;
const ctx = () => {
  stderr = '';
  return interviewContext((text) => (stderr += text));
};
const options = (extra: Partial<AuditOptions> = {}): AuditOptions =>
  auditOptions({
    saveAnswers: file,
    output: [join(dir, 'report.json')],
    failOn: 'never',
    ...extra,
  });
const plan = (extra: Partial<InterviewPlan> = {}): InterviewPlan =>
  interviewPlan({ file, ...extra });
type Saved = {
  questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
};
const savedAnswer = (statement: string): unknown =>
  (parse(readFileSync(file, 'utf8')) as Saved).questionnaires.trustability.answers[
    'economic-interests'
  ]![statement];

/** Enter on a typed date: the prompt refuses it with `refusal`; then `date` replaces it. */
const refusedThen =
  (typed: string, refusal: string, date: string): Step =>
  async (e, _screen, getScreen) => {
    e.type(typed);
    e.keypress('enter');
    await waitFor(getScreen, (t) => t.includes(refusal), { what: `the refusal “${refusal}”` });
    for (let i = 0; i < typed.length; i++) e.keypress('backspace');
    e.type(date);
    e.keypress('enter');
  };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustcheck-action-'));
  file = join(dir, 'answers.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('who will make it true, and by when', () => {
  it('is asked after a No and its note: owner, then a real due date, saved with the answer', async () => {
    const { prompts, screens } = scripted([
      yes,
      no,
      type('Renews silently.'),
      expecting(
        (screen) => expect(flat(screen)).toContain('Who will make this true, and by when? Who?'),
        type('Bas (Finance)'),
      ),
      refusedThen('2027-02-30', '2027-02-30 does not exist; write a real date.', '2027-03-31'),
      ...Array<Step>(16).fill(yes),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(screens[4]).toContain('By when? (YYYY-MM-DD)');
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'no',
      note: 'Renews silently.',
      action: { owner: 'Bas (Finance)', due: '2027-03-31' },
    });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      questionnaires: { sections: { statements: { id: string; actions: unknown[] }[] }[] }[];
      actionTotals: unknown;
    };
    const statement = report.questionnaires[0]!.sections[0]!.statements[1]!;
    expect(statement.actions).toEqual([
      {
        what: expect.stringMatching(/^Before every automatic renewal/) as unknown,
        owner: 'Bas (Finance)',
        due: '2027-03-31',
        status: 'open',
        previousDue: null,
      },
    ]);
    expect(report.actionTotals).toEqual({
      planned: 1,
      unplanned: 0,
      overdue: 0,
      postponed: 0,
      doneSinceBaseline: 0,
    });
  });

  it('is skipped with Enter, and a question with an untrue statement and no owner says so on the review screen', async () => {
    const { prompts } = scripted([
      yes,
      no,
      type(''),
      skipAction,
      ...Array<Step>(16).fill(yes),
      expecting((screen) => {
        expect(screen).toContain('✗ no  5/6 (no owner yet for 1 statement) Do you proactively');
        // a question that passes says nothing of owners
        expect(screen).toMatch(/✓ yes 4\/4 Do you allow customers/);
      }, done),
    ]);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(savedAnswer('renewal-warning')).toBe('no');
  });

  it('asks in Dutch, and refuses a date that is not written as one in Dutch', async () => {
    const { prompts, screens } = scripted([
      take('Ja'),
      take('Nee'),
      type(''),
      expecting(
        (screen) => expect(flat(screen)).toContain('Wie maakt dit waar, en wanneer? Wie?'),
        type('Team Facturatie'),
      ),
      refusedThen(
        '31-03-2027',
        'Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2027-03-31.',
        '2027-03-31',
      ),
      ctrlC,
    ]);
    await interview(await ctx(), prompts, plan({ language: 'nl' }));
    expect(screens[4]).toContain('Uiterlijk wanneer? (JJJJ-MM-DD)');
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'no',
      action: { owner: 'Team Facturatie', due: '2027-03-31' },
    });
  });

  it('--resume keeps an action already in the file and does not ask it again', async () => {
    const first = scripted([yes, no, type('Later.'), type('Bas'), type('2027-01-31'), ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    const rest = scripted([
      take('Back'), // to renewal-warning, the last answered
      expecting((screen) => expect(screen).toMatch(/❯ No/), no),
      type(''), // its note kept
      // no action asked: straight to the next statement
      expecting(
        (screen) => expect(flat(screen)).toContain('You tell customers when they are eligible'),
        ctrlC,
      ),
    ]);
    await interview(await ctx(), rest.prompts, plan({ existing: true, subject: undefined }));
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'no',
      note: 'Later.',
      action: { owner: 'Bas', due: '2027-01-31' },
    });
  });

  it('a changed answer asks to keep, change or clear its action, as its note', async () => {
    writeFileSync(
      file,
      [
        'format: trustcheck-answers/1',
        'subject: Acme B.V.',
        'questionnaires:',
        '  trustability:',
        '    version: 1.0.0',
        '    answers:',
        '      economic-interests:',
        '        warranty-expiry: yes',
        '        renewal-warning:',
        '          answer: no',
        '          action:',
        '            what: Send a reminder 30 days ahead.',
        '            owner: Bas (Finance)',
        '            due: 2027-03-31',
        '',
      ].join('\n'),
    );
    const { prompts } = scripted([
      take('Back'),
      yes, // renewal-warning, from No to Yes
      expecting((screen) => {
        expect(flat(screen)).toContain(
          'The answer changed from No to Yes. Its action was: Bas (Finance), by 2027-03-31.',
        );
        expect(choicesOf(screen)).toEqual(['Keep it', 'Change it', 'Clear it']);
      }, take('Clear it')),
      ctrlC,
    ]);
    await interview(await ctx(), prompts, plan({ existing: true, subject: undefined }));
    expect(savedAnswer('renewal-warning')).toBe('yes');

    // kept: the action stays with the new answer (it is then reported as done)
    const again = scripted([
      take('Back'),
      no,
      type(''),
      type('Anna'),
      type('2027-05-01'),
      take('Back'),
      take('Back'),
      choose(0), // warranty-expiry: yes again
      yes, // renewal-warning: from No to Yes
      take('Keep it'),
      ctrlC,
    ]);
    await interview(await ctx(), again.prompts, plan({ existing: true, subject: undefined }));
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'yes',
      action: { owner: 'Anna', due: '2027-05-01' },
    });
  });
});
