// A changed answer never keeps what was written for the earlier one unasked: on the review
// screen, after Back, with --resume and with --interactive, its note and evidence are shown with
// the change, and kept, changed or cleared; the answers file and the report show what was
// chosen.
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
  retype,
  scripted,
  skipAction,
  take,
  type,
  yes,
  type Step,
} from '../support/scripted-prompts.js';
import { auditOptions, interviewContext, interviewPlan } from '../support/interview.js';

const NOTE = 'Yearly bread subscriptions renew silently';

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
    output: [join(dir, 'report.json'), join(dir, 'report.md')],
    failOn: 'never',
    ...extra,
  });
const plan = (extra: Partial<InterviewPlan> = {}): InterviewPlan =>
  interviewPlan({ file, ...extra });

type Saved = {
  questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
};
const savedAnswer = (statement: string, section = 'economic-interests'): unknown =>
  (parse(readFileSync(file, 'utf8')) as Saved).questionnaires.trustability.answers[section]![
    statement
  ];
type ReportStatement = { id: string; answer: string; note: string | null; evidence: string | null };
const reported = (statement: string): ReportStatement =>
  (
    JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      questionnaires: { sections: { statements: ReportStatement[] }[] }[];
    }
  ).questionnaires[0]!.sections.flatMap((s) => s.statements).find((s) => s.id === statement)!;
/** The appendix row of a statement in the Markdown report. */
const appendixRow = (words: string): string =>
  readFileSync(join(dir, 'report.md'), 'utf8')
    .split('## Appendix')[1]!
    .split('\n')
    .find((l) => l.includes(words))!;

/** The 18 statements of trustability, the second answered No with NOTE, the rest Yes. */
const noWithNote: Step[] = [yes, no, type(NOTE), skipAction, ...Array<Step>(16).fill(yes)];
/** On the review screen: the first question, then its second statement (renewal-warning). */
const reopenRenewal: Step[] = [choose(1), choose(1)];
/** The prompt that shows a changed answer's old note, then `then` on it. */
const changedNote = (then: Step): Step =>
  expecting((screen) => {
    expect(flat(screen)).toContain(`The answer changed from No to Yes. Its note was: “${NOTE}”.`);
    expect(choicesOf(screen)).toEqual(['Keep it', 'Change it', 'Clear it']);
  }, then);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustcheck-changed-'));
  file = join(dir, 'answers.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a changed answer on the review screen', () => {
  it('Clear: neither the answers file nor the report keeps the note written for the No', async () => {
    const { prompts } = scripted([
      ...noWithNote,
      ...reopenRenewal,
      yes,
      changedNote(take('Clear it')),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(savedAnswer('renewal-warning')).toBe('yes');
    expect(readFileSync(file, 'utf8')).not.toContain(NOTE);
    expect(reported('renewal-warning')).toMatchObject({ answer: 'yes', note: null });
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).not.toContain(NOTE);
    expect(appendixRow('You warn customers before automatically renewing')).toMatch(
      /\| yes \| \| \|$/,
    );
  });

  it('Keep: the note stays, because the user chose it', async () => {
    const { prompts } = scripted([
      ...noWithNote,
      ...reopenRenewal,
      yes,
      changedNote(take('Keep it')),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(savedAnswer('renewal-warning')).toEqual({ answer: 'yes', note: NOTE });
    expect(reported('renewal-warning')).toMatchObject({ answer: 'yes', note: NOTE });
    expect(appendixRow('You warn customers before automatically renewing')).toContain(
      `| yes | ${NOTE} |`,
    );
  });

  it('Change: the old note is on the line to edit, and the new one is saved', async () => {
    const { prompts, screens } = scripted([
      ...noWithNote,
      ...reopenRenewal,
      yes,
      changedNote(take('Change it')),
      retype('Renewals are announced a month ahead since March'),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(screens.at(-2)).toContain(`The note: ${NOTE}`);
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'yes',
      note: 'Renewals are announced a month ahead since March',
    });
  });

  it('the same answer again asks nothing more of its note than before, and keeps it', async () => {
    const { prompts, screens } = scripted([
      ...noWithNote,
      ...reopenRenewal,
      no,
      type(''), // Enter: the earlier note, shown as the default
      skipAction,
      done,
    ]);
    await runAuditCommand(await ctx(), options(), prompts);
    expect(flat(screens.at(-3)!)).toContain(`(${NOTE})`);
    expect(savedAnswer('renewal-warning')).toEqual({ answer: 'no', note: NOTE });
  });

  it('a JSON answers file stays JSON through a change', async () => {
    file = join(dir, 'answers.json');
    const { prompts } = scripted([
      ...noWithNote,
      ...reopenRenewal,
      yes,
      changedNote(take('Keep it')),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options({ saveAnswers: file }), prompts)).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    expect(
      saved.questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
    ).toEqual({ answer: 'yes', note: NOTE });
  });

  it('interrupted while deciding, the file keeps the earlier answer with its note', async () => {
    const { prompts } = scripted([...noWithNote, ...reopenRenewal, yes, changedNote(ctrlC)]);
    const outcome = await interview(await ctx(), prompts, plan());
    expect(outcome).toMatchObject({ status: 'interrupted' });
    expect(savedAnswer('renewal-warning')).toEqual({ answer: 'no', note: NOTE });
  });

  it('speaks Dutch: the change, the old note in Dutch quotes, Behouden / Aanpassen / Wissen', async () => {
    const nlNote = 'Broodabonnementen verlengen stilzwijgend';
    const { prompts } = scripted([
      take('Ja'),
      take('Nee'),
      type(nlNote),
      skipAction,
      ...Array<Step>(16).fill(take('Ja')),
      ...reopenRenewal,
      take('Ja'),
      expecting((screen) => {
        expect(flat(screen)).toContain(
          `Het antwoord is veranderd van Nee in Ja. De toelichting was: „${nlNote}”.`,
        );
        expect(choicesOf(screen)).toEqual(['Behouden', 'Aanpassen', 'Wissen']);
      }, take('Wissen')),
      done,
    ]);
    expect(await runAuditCommand(await ctx(), options({ lang: 'nl' }), prompts)).toBe(0);
    expect(savedAnswer('renewal-warning')).toBe('yes');
  });
});

describe('a changed answer after Back, --resume and --interactive', () => {
  it('Back: the earlier No and its note, changed to Yes, clear the note', async () => {
    const back = take('Back');
    const { prompts } = scripted([
      yes,
      no,
      type(NOTE),
      skipAction,
      back, // on upgrade-eligibility: back to renewal-warning
      expecting((screen) => expect(screen).toMatch(/❯ No/), yes),
      changedNote(take('Clear it')),
      ctrlC,
    ]);
    await interview(await ctx(), prompts, plan());
    expect(savedAnswer('renewal-warning')).toBe('yes');
  });

  it('--resume: Back on the first prompt reaches the last statement answered; its evidence is asked too', async () => {
    const first = scripted([yes, no, type(NOTE), skipAction, ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    // evidence added by hand between the sessions
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        `note: ${NOTE}`,
        `note: ${NOTE}\n          evidence: Complaint 2026-114`,
      ),
    );
    const rest = scripted([
      expecting((screen) => {
        expect(screen).toContain('2 of 18 answered');
        expect(choicesOf(screen)).toContain('Back');
      }, take('Back')),
      expecting((screen) => {
        expect(flat(screen)).toContain('You warn customers before automatically renewing');
        expect(screen).toMatch(/❯ No/);
      }, yes),
      changedNote(take('Clear it')),
      expecting((screen) => {
        expect(flat(screen)).toContain(
          'The answer changed from No to Yes. Its evidence was: “Complaint 2026-114”.',
        );
      }, take('Keep it')),
      // on again where the session started, Back offered
      expecting((screen) => {
        expect(flat(screen)).toContain(
          'You tell customers when they are eligible for a free upgrade',
        );
        expect(choicesOf(screen)).toContain('Back');
      }, ctrlC),
    ]);
    const outcome = await interview(
      await ctx(),
      rest.prompts,
      plan({ existing: true, subject: undefined }),
    );
    expect(savedAnswer('renewal-warning')).toEqual({
      answer: 'yes',
      evidence: 'Complaint 2026-114',
    });
    // a changed answer is not a new one
    expect(outcome).toMatchObject({
      message: expect.stringContaining('(0 given now, 1 changed)') as unknown,
    });
  });

  it('--interactive: an N/A changed to No through the review keeps its note by choice; its end date goes', async () => {
    const answers = [
      'format: trustcheck-answers/1',
      'subject: Acme B.V.',
      'language: en',
      'questionnaires:',
      '  trustability:',
      '    answers:',
      '      economic-interests:',
      '        warranty-expiry:',
      '          answer: na',
      '          note: We sell services only',
      '          until: 2027-06-30',
      ...[
        'renewal-warning',
        'upgrade-eligibility',
        'unclaimed-entitlements',
        'overbuying-advice',
        'competitor-referral',
      ].map((id) => `        ${id}: yes`),
      '      customer-reviews: { reviews-on-site: yes, no-review-incentives: yes, no-sockpuppets: yes, no-paid-reviews: yes }',
      '      aligned-incentives: { balanced-incentives: yes, sentiment-metrics: yes, employees-report-untrustable: yes }',
      '      product-competence: { quality-parity: yes, proactive-make-goods: yes }',
      '      service-competence:',
      '        differentiated-treatment: yes',
      '        needs-based-analytics: yes',
      '        analytics-examples: ~',
      '',
    ].join('\n');
    writeFileSync(file, answers);
    const { prompts } = scripted([
      yes, // analytics-examples, the one open statement
      choose(1), // the first question
      choose(0), // warranty-expiry
      no,
      expecting((screen) => {
        expect(flat(screen)).toContain(
          'The answer changed from Not applicable to No. Its note was: “We sell services only”.',
        );
      }, take('Keep it')),
      skipAction,
      done,
    ]);
    const code = await runAuditCommand(
      await ctx(),
      options({ answers: [file], interactive: true, subject: undefined, questionnaire: undefined }),
      prompts,
    );
    expect(code).toBe(0);
    expect(flat(stderr)).toContain(
      'Its end date (until 2027-06-30) belonged to Not applicable and is removed.',
    );
    expect(savedAnswer('warranty-expiry')).toEqual({ answer: 'no', note: 'We sell services only' });
    expect(reported('warranty-expiry')).toMatchObject({
      answer: 'no',
      note: 'We sell services only',
    });
  });

  it('a note that is not one line of plain text is shown safely, never put on the line', async () => {
    // a note written by hand: two lines, and an escape sequence that would clear the screen
    const note = 'Renews silently.\nSee \u001b[2Jthe contract.';
    const first = scripted([yes, ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'renewal-warning: ~',
        `renewal-warning: { answer: no, note: ${JSON.stringify(note)} }`,
      ),
    );
    const rest = scripted([
      take('Back'),
      no, // the same answer: its note is kept, changed or cleared
      expecting((screen) => {
        expect(screen).not.toContain('\u001b');
        expect(flat(screen)).toContain(
          'Its note was: “Renews silently. See \\u{1b}[2Jthe contract.”.',
        );
        expect(choicesOf(screen)).toEqual(['Keep it', 'Change it', 'Clear it']);
      }, take('Keep it')),
      ctrlC,
    ]);
    await interview(await ctx(), rest.prompts, plan({ existing: true, subject: undefined }));
    expect(savedAnswer('renewal-warning')).toEqual({ answer: 'no', note });
  });

  it('a changed answer to N/A keeps or edits its note, never clears it (N/A needs one)', async () => {
    const { prompts } = scripted([
      no,
      type('Only for some products'),
      skipAction,
      take('Back'),
      take('Not applicable'),
      expecting(
        (screen) => expect(choicesOf(screen)).toEqual(['Keep it', 'Change it']),
        take('Keep it'),
      ),
      ctrlC,
    ]);
    await interview(await ctx(), prompts, plan());
    expect(savedAnswer('warranty-expiry')).toEqual({
      answer: 'na',
      note: 'Only for some products',
    });
  });
});
