// The interview's words agree with each other and with what it does: the all-must-be-true rule
// in trustcheck's one wording under every question (the question's own help is the source's
// words, under Help); a resumed audit offers Back on its first prompt; "given now" counts what
// the progress counts; and the statements that are not true are printed whole at the end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../src/cli/commands/audit.js';
import { RULE } from '../../src/core/language.js';
import { interview, type InterviewPlan } from '../../src/interactive/interview.js';
import {
  choicesOf,
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
import { interviewContext, interviewPlan } from '../support/interview.js';

let dir: string;
let file: string;
let stderr: string;
const ctx = () => {
  stderr = '';
  return interviewContext((text) => (stderr += text));
};
const plan = (extra: Partial<InterviewPlan> = {}): InterviewPlan =>
  interviewPlan({ file, ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustcheck-words-'));
  file = join(dir, 'answers.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the rule under every question', () => {
  it.each([
    ['en', 'trustability', 'Answer “no” unless ALL of the following statements are true.'],
    ['nl', 'trustability', 'Antwoord „nee”, tenzij ALLE volgende uitspraken waar zijn.'],
    ['en', 'transparantie-apk', undefined],
  ] as const)(
    '%s, %s: one wording; the question’s help under Help',
    async (language, id, sectionHelp) => {
      let shownFirst = '';
      const help: Step = (e, screen, getScreen) => {
        shownFirst = flat(stderr);
        return take(language === 'nl' ? 'Uitleg' : 'Help')(e, screen, getScreen);
      };
      const { prompts } = scripted([help, ctrlC]);
      await interview(await ctx(), prompts, plan({ language, questionnaires: [id] }));
      expect(shownFirst).toContain(RULE[language]);
      if (sectionHelp !== undefined) {
        // not under the title, but with the statement's help, on request
        expect(shownFirst).not.toContain(sectionHelp);
        expect(flat(stderr)).toContain(sectionHelp);
      }
    },
  );
});

describe('a resumed audit', () => {
  it('offers Back on its first prompt, to the last statement answered, then goes on', async () => {
    const first = scripted([yes, yes, no, type('Later.'), ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    const rest = scripted([
      expecting((screen) => {
        expect(screen).toContain('3 of 18 answered');
        expect(choicesOf(screen)).toContain('Back');
      }, take('Back')),
      // upgrade-eligibility, answered No in the first session: the earlier answer is the default
      expecting((screen) => {
        expect(flat(screen)).toContain(
          'You tell customers when they are eligible for a free upgrade',
        );
        expect(screen).toMatch(/❯ No/);
      }, take('Back')),
      expecting((screen) => {
        expect(flat(screen)).toContain('You warn customers before automatically renewing');
      }, yes),
      // forward again: every statement up to where Back was chosen
      expecting((screen) => expect(screen).toMatch(/❯ No/), no),
      type(''), // its note, Later., kept
      skipAction,
      expecting((screen) => {
        expect(flat(screen)).toContain('You remind customers if they haven’t claimed something');
      }, ctrlC),
    ]);
    const outcome = await interview(
      await ctx(),
      rest.prompts,
      plan({ existing: true, subject: undefined }),
    );
    expect(outcome).toMatchObject({ message: expect.stringContaining('(0 given now)') as unknown });
    expect(readFileSync(file, 'utf8')).toContain(
      'upgrade-eligibility:\n          answer: no\n          note: Later.\n',
    );
  });

  it('with nothing answered yet, the first prompt has no Back', async () => {
    const first = scripted([ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    const rest = scripted([
      expecting((screen) => expect(choicesOf(screen)).not.toContain('Back'), ctrlC),
    ]);
    await interview(await ctx(), rest.prompts, plan({ existing: true, subject: undefined }));
  });
});

describe('the interview counts what it says it counts', () => {
  it('a re-answer after Back is not a new answer: "given now" agrees with the counter', async () => {
    const { prompts, screens } = scripted([yes, yes, take('Back'), yes, yes, ctrlC]);
    const outcome = await interview(await ctx(), prompts, plan());
    expect(screens.at(-1)).toContain('3 of 18 answered');
    expect(outcome).toMatchObject({
      message: expect.stringContaining('(3 given now)') as unknown,
    });
  });

  it('an answer changed in a resumed audit is counted as changed, in Dutch too', async () => {
    const first = scripted([take('Ja'), ctrlC]);
    await interview(await ctx(), first.prompts, plan({ language: 'nl' }));
    const rest = scripted([take('Terug'), take('Nee'), type(''), skipAction, take('Ja'), ctrlC]);
    const outcome = await interview(
      await ctx(),
      rest.prompts,
      plan({ existing: true, subject: undefined, language: 'nl' }),
    );
    expect(outcome).toMatchObject({
      message: expect.stringContaining('(1 nu gegeven, 1 gewijzigd)') as unknown,
    });
  });
});

describe('the end of an interactive audit', () => {
  it('prints a statement that is not true whole, on one line in a log', async () => {
    const steps: Step[] = [
      ...Array<Step>(11).fill(yes),
      no,
      type(''),
      skipAction,
      ...Array<Step>(6).fill(yes),
      done,
    ];
    const { prompts } = scripted(steps);
    const code = await runAuditCommand(
      await ctx(),
      {
        saveAnswers: file,
        stepSummary: true,
        questionnaire: ['trustability'],
        subject: 'Acme B.V.',
        assessor: 'Jan Jansen',
        output: [join(dir, 'report.md')],
        lang: 'en',
        failOn: 'never',
      },
      prompts,
    );
    expect(code).toBe(0);
    const whole =
      '– You measure non-financial indicators of customer sentiment such as CSAT (customer satisfaction) or NPS (net promoter score), and incorporate those metrics into incentives and accountability.';
    expect(stderr.split('\n').map((l) => l.trim())).toContain(whole);
    expect(stderr).not.toContain('…');
  });
});
