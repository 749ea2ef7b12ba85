// The interactive audit in-process: the real @inquirer prompts, rendered and driven with
// @inquirer/testing, through the interview's prompt adapter; the interview alone, and the whole
// audit command around it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkbox, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../src/cli/commands/audit.js';
import type { AuditOptions } from '../../src/cli/declarations.js';
import { interview, type InterviewPlan } from '../../src/interactive/interview.js';
import type { Prompts } from '../../src/interactive/prompts.js';
import { TrustcheckError } from '../../src/errors.js';
import { auditOptions, interviewContext, interviewPlan } from '../support/interview.js';
import { waitFor } from '../support/wait.js';

type Events = Awaited<ReturnType<typeof render>>['events'];
/** One scripted reaction to one prompt: press keys, or throw to simulate an interrupt. */
type Step = (events: Events, screen: string, getScreen: () => string) => void | Promise<void>;

/** To the first choice, whatever the default (the earlier answer) put the cursor on. */
const top = (e: Events) => ['up', 'up', 'up'].forEach((k) => e.keypress(k));
const yes: Step = (e) => {
  top(e);
  e.keypress('enter');
};
const no: Step = (e) => {
  top(e);
  e.keypress('down');
  e.keypress('enter');
};
const na: Step = (e, screen) => {
  expect(screen).toContain('Not applicable');
  top(e);
  e.keypress('down');
  e.keypress('down');
  e.keypress('enter');
};
const back: Step = (e, screen) => {
  const choices = screen
    .split('\n')
    .filter((l) => /^[❯ ] (Yes|No|Not applicable|Help|Back)$/.test(l));
  top(e);
  for (let i = 0; i < choices.length - 1; i++) e.keypress('down');
  e.keypress('enter');
};
const type =
  (text: string): Step =>
  (e) => {
    e.type(text);
    e.keypress('enter');
  };
const ctrlC: Step = (e) => e.keypress({ name: 'c', ctrl: true });
/** The action asked after a No ("Who will make this true, and by when?"): Enter skips it. */
const skipAction: Step = (e, screen) => {
  expect(screen).toMatch(/Who will make this true|Wie maakt dit waar/);
  e.keypress('enter');
};
/** The review screen: "Done" is the first choice. */
const done: Step = (e, screen) => {
  expect(screen).toMatch(/❯ (Done|Klaar)/);
  e.keypress('enter');
};
/** Moves down `n` choices and takes that one. */
const choose =
  (n: number): Step =>
  (e) => {
    top(e);
    for (let i = 0; i < n; i++) e.keypress('down');
    e.keypress('enter');
  };
/** `n` statements answered yes, and the review screen left with "Done". */
const allYes = (n: number): Step[] => [...Array<Step>(n).fill(yes), done];
/** A screen's text with its line breaks and indents as single spaces: wrapped text compares whole. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function scripted(steps: Step[]): { prompts: Prompts; screens: string[] } {
  const screens: string[] = [];
  let k = 0;
  const drive = async <T>(prompt: (config: never) => Promise<T>, config: unknown): Promise<T> => {
    const { answer, events, getScreen } = await render(prompt as never, config as never);
    const screen = getScreen();
    screens.push(screen);
    const step = steps[k++];
    if (step === undefined) throw new Error(`no scripted step for prompt ${k}:\n${screen}`);
    await step(events, screen, getScreen);
    return (await answer) as T;
  };
  return {
    screens,
    prompts: {
      select: <T>(config: unknown) => drive<T>(select, config),
      input: (config) => drive<string>(input, config),
      checkbox: <T>(config: unknown) => drive<T[]>(checkbox, config),
    },
  };
}

let dir: string;
let file: string;
let stderr: string;
const ctx = () => {
  stderr = '';
  return interviewContext((text) => (stderr += text));
};
const options = (extra: Partial<AuditOptions> = {}): AuditOptions =>
  auditOptions({ saveAnswers: file, output: [join(dir, 'report.json')], failOn: 'fail', ...extra });
const plan = (extra: Partial<InterviewPlan> = {}): InterviewPlan =>
  interviewPlan({ file, ...extra });
const saved = () =>
  parse(readFileSync(file, 'utf8')) as {
    subject: string;
    assessor?: string;
    role?: string;
    questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
  };
const report = () =>
  JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    passed: boolean;
    subject: string;
    questionnaires: { sections: { id: string; passed: boolean }[] }[];
  };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustcheck-interactive-'));
  file = join(dir, 'answers.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('interactive audit', () => {
  it('all yes: passes, saves a valid answer file, writes the report', async () => {
    const { prompts, screens } = scripted(allYes(18));
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(report()).toMatchObject({ passed: true, subject: 'Acme B.V.' });
    expect(saved().questionnaires.trustability.answers['economic-interests']).toMatchObject({
      'warranty-expiry': 'yes',
      'competitor-referral': 'yes',
    });
    expect(screens[0]).toContain('Trustability test · question 1/5 · 0 of 18 answered');
    expect(flat(screens[0]!)).toContain(
      'You remind customers when their warranty or guarantee period is about to expire.',
    );
    expect(screens[17]).toContain('question 5/5 · 17 of 18 answered');
    expect(stderr).toContain('✓ yes: all 6 statements are true');
    expect(stderr).toContain('Acme B.V.: passed');
    // the questionnaire's introduction at its start, the section's rule under its title
    expect(flat(stderr)).toContain(
      'A five-question test that will reveal whether your customers can really trust you.',
    );
    expect(flat(stderr)).toContain(
      '1. Do you proactively protect your customers’ economic interests in their dealings with you?',
    );
    // the review screen lists every question's verdict in words
    expect(screens[18]).toContain('❯ Done: write the report');
    expect(screens[18]).toContain('✓ yes 6/6 Do you proactively protect');
  });

  it('--answers FILE --interactive asks only what the file leaves open, and keeps its comments', async () => {
    const first = scripted([yes, ctrlC]);
    await runAuditCommand(await ctx(), options(), first.prompts).catch(() => undefined);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'format: trustcheck-answers/1',
        '# kept\nformat: trustcheck-answers/1',
      ),
    );
    const rest = scripted(allYes(17));
    const code = await runAuditCommand(
      await ctx(),
      {
        ...options(),
        answers: [file],
        interactive: true,
        subject: undefined,
        questionnaire: undefined,
      },
      rest.prompts,
    );
    expect(code).toBe(0);
    expect(rest.screens).toHaveLength(18);
    expect(readFileSync(file, 'utf8')).toContain('# kept\nformat: trustcheck-answers/1');
    // every question with its verdict at the end, in words, not ids
    expect(stderr).toMatch(/✓ yes {2}6\/6 {2}Do you proactively protect your customers’ economic/);
    expect(stderr).not.toContain('trustability.economic-interests');
  });

  it('offers Not applicable only where the statement allows it, and Back after the first', async () => {
    const { prompts, screens } = scripted(allYes(18));
    await runAuditCommand(await ctx(), options(), prompts);
    expect(screens[0]).toContain('Not applicable'); // warranty-expiry
    expect(screens[0]).not.toContain('Back');
    expect(screens[2]).not.toContain('Not applicable'); // upgrade-eligibility
    expect(screens[2]).toContain('Back');
  });

  it('a no with a note, and an N/A with its required note', async () => {
    const steps = allYes(18);
    steps.splice(0, 1, na, type('We sell services, no goods.'));
    steps.splice(2, 1, no, type('Gym plans renew without notice.'), skipAction);
    const { prompts, screens } = scripted(steps);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(1);
    const economic = saved().questionnaires.trustability.answers['economic-interests']!;
    expect(economic['warranty-expiry']).toEqual({
      answer: 'na',
      note: 'We sell services, no goods.',
    });
    expect(economic['renewal-warning']).toEqual({
      answer: 'no',
      note: 'Gym plans renew without notice.',
    });
    expect(screens[1]).toContain('Why does it not apply? (a note is required)');
    expect(flat(stderr)).toContain(
      '✗ no: 1 of 6 statements is not true: – You warn customers before automatically renewing',
    );
    // at the end each failure once, in words
    const failures = stderr.split('\n').filter((l) => l.includes('– You warn customers'));
    expect(failures).toHaveLength(2); // the section's verdict, and the end summary
    expect(stderr).not.toContain('not satisfied');
    expect(report().questionnaires[0]!.sections.map((s) => s.passed)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('going back changes an earlier answer', async () => {
    const steps: Step[] = [yes, no, type(''), skipAction, back, back, yes, ...allYes(17)];
    const { prompts, screens } = scripted(steps);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(
      saved().questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
    ).toBe('yes');
    // on the way back the earlier answer is the default
    expect(screens[5]).toMatch(/❯ No/);
  });

  it('Ctrl-C midway: the file holds exactly the answers given, exit 130; resume asks only the rest', async () => {
    const first = scripted([yes, no, type('Not yet.'), skipAction, yes, ctrlC]);
    const outcome = await interview(await ctx(), first.prompts, plan());
    expect(outcome).toEqual({
      status: 'interrupted',
      message: `interrupted: every answer is saved in ${file} (3 given now); continue with: trustcheck audit --resume ${file}`,
    });
    // the command around it ends with exit 130 and the same words
    const again = scripted([ctrlC]);
    const error = await runAuditCommand(
      await ctx(),
      { ...options(), resume: file, subject: undefined, questionnaire: undefined },
      again.prompts,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrustcheckError);
    expect((error as TrustcheckError).exitCode).toBe(130);
    expect((error as TrustcheckError).message).toContain(`every answer is saved in ${file}`);
    const economic = saved().questionnaires.trustability.answers['economic-interests']!;
    expect(economic).toEqual({
      'warranty-expiry': 'yes',
      'renewal-warning': { answer: 'no', note: 'Not yet.' },
      'upgrade-eligibility': 'yes',
      'unclaimed-entitlements': null,
      'overbuying-advice': null,
      'competitor-referral': null,
    });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      '# You remind customers when their warranty or guarantee period is about to expire.',
    );

    const rest = scripted(allYes(15));
    expect(
      await runAuditCommand(
        await ctx(),
        { ...options(), resume: file, subject: undefined, questionnaire: undefined },
        rest.prompts,
      ),
    ).toBe(1);
    expect(rest.screens).toHaveLength(16);
    expect(flat(rest.screens[0]!)).toContain(
      'You remind customers if they haven’t claimed something',
    );
    expect(rest.screens[0]).toContain('3 of 18 answered');
    expect(readFileSync(file, 'utf8')).toContain(
      '# You remind customers when their warranty or guarantee period is about to expire.',
    );
    expect(report().passed).toBe(false);
  });

  it('asks the subject and the questionnaires when not given', async () => {
    const steps: Step[] = [
      type('Globex'),
      (e) => {
        e.keypress('down');
        e.keypress('space');
        e.keypress('enter');
      },
      ...allYes(18),
    ];
    const { prompts, screens } = scripted(steps);
    expect(
      await runAuditCommand(
        await ctx(),
        options({ subject: undefined, questionnaire: undefined }),
        prompts,
      ),
    ).toBe(0);
    expect(screens[1]).toContain('Trustability test (trustability)');
    expect(screens[1]).toContain('Transparency check-up (transparantie-apk)');
    expect(saved().subject).toBe('Globex');
    expect(Object.keys(saved().questionnaires)).toEqual(['trustability']);
  });

  it('asks who answers first, name then role, and writes both into the answers file', async () => {
    const { prompts, screens } = scripted([type('Anna de Vries'), type('Sales'), ...allYes(18)]);
    expect(await runAuditCommand(await ctx(), options({ assessor: undefined }), prompts)).toBe(0);
    expect(screens[0]).toContain('Your name (Enter to skip)');
    expect(screens[1]).toContain('Your role, such as Sales or Support (Enter to skip)');
    expect(saved()).toMatchObject({ assessor: 'Anna de Vries', role: 'Sales' });
    expect(report()).toMatchObject({ assessor: 'Anna de Vries' });
  });

  it('Enter at the name skips both name and role', async () => {
    const { prompts, screens } = scripted([type(''), ...allYes(18)]);
    expect(await runAuditCommand(await ctx(), options({ assessor: undefined }), prompts)).toBe(0);
    expect(screens[0]).toContain('Your name');
    expect(screens[1]).not.toContain('Your role');
    expect(saved().assessor).toBeUndefined();
    expect(saved().role).toBeUndefined();
  });

  it('--assessor and --role are written without asking', async () => {
    const { prompts, screens } = scripted(allYes(18));
    expect(
      await runAuditCommand(
        await ctx(),
        options({ assessor: 'Bas Bakker', role: 'Finance' }),
        prompts,
      ),
    ).toBe(0);
    expect(screens.some((sc) => sc.includes('Your name'))).toBe(false);
    expect(saved()).toMatchObject({ assessor: 'Bas Bakker', role: 'Finance' });
  });

  it('refuses to overwrite an existing answers file without --force', async () => {
    writeFileSync(file, 'keep me');
    const { prompts } = scripted([]);
    await expect(interview(await ctx(), prompts, plan())).rejects.toThrow(
      `${file} already exists; continue it with \`trustcheck audit --resume ${file}\`, or start over with --force`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    // --force replaces only an answers file or an empty one
    await expect(interview(await ctx(), prompts, plan({ force: true }))).rejects.toThrow(
      `${file} is not a trustcheck answers file, so --force leaves it as it is`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    writeFileSync(file, '');
    const again = scripted(allYes(18));
    expect(await runAuditCommand(await ctx(), options({ force: true }), again.prompts)).toBe(0);
  });

  it('returns the answers file and the report path, asking the path again while it cannot be written', async () => {
    const retype: Step = async (e, _screen, getScreen) => {
      e.type('missing/report.md');
      e.keypress('enter');
      // the prompt validates the path asynchronously, then shows the problem
      await waitFor(getScreen, (t) => t.includes('the folder missing does not exist'), {
        what: 'the path problem',
      });
      for (let i = 0; i < 40; i++) e.keypress('backspace');
      e.type('r.md');
      e.keypress('enter');
    };
    const steps: Step[] = [...allYes(18), retype];
    const { prompts, screens } = scripted(steps);
    const problem = (path: string) =>
      path.startsWith('missing/') ? 'the folder missing does not exist' : undefined;
    const outcome = await interview(
      await ctx(),
      prompts,
      plan({ askReportPath: { format: 'md' }, reportPathProblem: problem }),
    );
    expect(outcome).toEqual({ status: 'done', file, language: 'en', reportPath: 'r.md' });
    expect(screens).toHaveLength(20);
    expect(screens[19]).toContain('Write the report to');
    expect(saved().questionnaires.trustability.answers['product-competence']).toEqual({
      'quality-parity': 'yes',
      'proactive-make-goods': 'yes',
    });
  });

  it('speaks Dutch with --lang nl', async () => {
    const { prompts, screens } = scripted([ctrlC]);
    await runAuditCommand(await ctx(), options({ lang: 'nl' }), prompts).catch(() => undefined);
    expect(screens[0]).toContain('Betrouwbaarheidstest · vraag 1/5 · 0 van 18 beantwoord');
    expect(flat(screens[0]!)).toContain(
      'Loopt de garantie van een klant bijna af, dan herinner je hem daaraan.',
    );
    expect(screens[0]).toMatch(/❯ Ja\n {2}Nee\n {2}Niet van toepassing\n {2}Uitleg/);
    expect(screens[0]).toContain('↑↓ kiezen • ⏎ bevestigen');
    expect(flat(stderr)).toContain(
      'Het antwoord op een vraag is pas „ja” als alle uitspraken bij die vraag waar zijn.',
    );
    expect(existsSync(file)).toBe(true);
  });
});

describe('the interview', () => {
  it('shows a statement’s help on request, in the source’s words, and asks again', async () => {
    const help = choose(3); // Yes, No, Not applicable, Help
    const { prompts, screens } = scripted([help, yes, ctrlC]);
    await interview(await ctx(), prompts, plan());
    expect(screens[0]).toMatch(/^ {2}Help$/m);
    expect(flat(stderr)).toContain(
      '“Today’s customers want proactive trustworthiness, or “trustability.””',
    );
    // the same statement again, with the same progress
    expect(flat(screens[1]!)).toContain(
      '0 of 18 answered You remind customers when their warranty',
    );
    expect(
      saved().questionnaires.trustability.answers['economic-interests']!['warranty-expiry'],
    ).toBe('yes');
  });

  it('saves the answer before its note is asked: Ctrl-C at the note keeps the answer', async () => {
    const { prompts, screens } = scripted([yes, no, ctrlC]);
    const outcome = await interview(await ctx(), prompts, plan());
    expect(screens[2]).toContain('A note (why not, or what is missing)?');
    expect(outcome).toMatchObject({ status: 'interrupted' });
    expect((outcome as { message: string }).message).toContain('(2 given now)');
    expect(saved().questionnaires.trustability.answers['economic-interests']).toMatchObject({
      'warranty-expiry': 'yes',
      'renewal-warning': 'no',
      'upgrade-eligibility': null,
    });
  });

  it('an N/A whose note was never given is asked again on resume', async () => {
    const first = scripted([na, ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    expect(
      saved().questionnaires.trustability.answers['economic-interests']!['warranty-expiry'],
    ).toBe('na');
    const again = scripted([yes, ctrlC]);
    await interview(await ctx(), again.prompts, plan({ existing: true, subject: undefined }));
    expect(stderr).toContain('Resuming Acme B.V.: 0 of 18 answered');
    expect(flat(again.screens[0]!)).toContain('You remind customers when their warranty');
  });

  it('a resumed audit says where it picks up', async () => {
    const first = scripted([yes, yes, no, type('Later.'), skipAction, ctrlC]);
    await interview(await ctx(), first.prompts, plan());
    const rest = scripted([ctrlC]);
    await interview(await ctx(), rest.prompts, plan({ existing: true, subject: undefined }));
    expect(stderr).toContain('Resuming Acme B.V.: 3 of 18 answered');
    expect(rest.screens[0]).toContain('Trustability test · question 1/5 · 3 of 18 answered');
    const dutch = scripted([ctrlC]);
    await interview(
      await ctx(),
      dutch.prompts,
      plan({ existing: true, subject: undefined, language: 'nl' }),
    );
    expect(stderr).toContain('Verder met Acme B.V.: 3 van 18 beantwoord');
  });

  it('counts progress over the whole audit, per question of each questionnaire', async () => {
    const { prompts, screens } = scripted([...Array<Step>(18).fill(yes), ctrlC]);
    await interview(
      await ctx(),
      prompts,
      plan({ questionnaires: ['trustability', 'transparantie-apk'] }),
    );
    expect(screens[0]).toContain('Trustability test · question 1/5 · 0 of 36 answered');
    expect(screens[17]).toContain('Trustability test · question 5/5 · 17 of 36 answered');
    expect(screens[18]).toContain('Transparency check-up · question 1/5 · 18 of 36 answered');
    // each questionnaire is introduced at its start
    expect(flat(stderr)).toContain('Transparency check-up');
  });

  it('the review screen reopens any statement, then comes back', async () => {
    const steps: Step[] = [
      ...Array<Step>(18).fill(yes),
      choose(1), // the first question
      choose(1), // its second statement
      no,
      type('Renews silently.'),
      skipAction,
      (e, screen) => {
        // back on the review screen, with the changed verdict, and no one to make it true yet
        expect(screen).toContain('✗ no  5/6 (no owner yet for 1 statement) Do you proactively');
        e.keypress('enter');
      },
    ];
    const { prompts, screens } = scripted(steps);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(1);
    expect(screens[19]).toContain('Which statement do you want to answer again?');
    expect(screens[19]).toContain('[yes] You warn customers before automatically');
    expect(screens[19]).toMatch(/^ {2}Back$/m);
    expect(
      saved().questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
    ).toEqual({ answer: 'no', note: 'Renews silently.' });
    expect(report().passed).toBe(false);
  });

  it('Back on the statement list returns to the review', async () => {
    const steps: Step[] = [...Array<Step>(18).fill(yes), choose(2), choose(4), done];
    const { prompts, screens } = scripted(steps);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(screens[19]).toContain('[yes] There is an easily accessible tab or location');
    expect(screens).toHaveLength(21);
  });

  it('speaks Dutch throughout: prompts, hints, validation, verdicts, review and summary', async () => {
    /** Enter on an empty answer: the prompt refuses it with `refusal`; then `text` is typed. */
    const emptyThen =
      (refusal: string, text: string): Step =>
      async (e, _screen, getScreen) => {
        e.keypress('enter');
        screensSeen.push(
          await waitFor(getScreen, (t) => t.includes(refusal), {
            what: `the refusal “${refusal}”`,
          }),
        );
        e.type(text);
        e.keypress('enter');
      };
    const screensSeen: string[] = [];
    const steps: Step[] = [
      emptyThen('Geef de naam van de organisatie.', 'Kapsalon Knip'),
      (e) => e.keypress('enter'), // both questionnaires
      na,
      emptyThen(
        'Niet van toepassing vraagt om een toelichting.',
        'We verkopen geen spullen met garantie.',
      ),
      no,
      type(''),
      skipAction,
      ...Array<Step>(35).fill(yes),
      done,
    ];
    // `na` looks for the English label: check the Dutch one here
    steps[2] = (e, screen) => {
      expect(screen).toContain('Niet van toepassing');
      void choose(2)(e, screen, () => screen);
    };
    const { prompts, screens } = scripted(steps);
    const code = await runAuditCommand(
      await ctx(),
      options({ lang: 'nl', subject: undefined, questionnaire: undefined }),
      prompts,
    );
    expect(code).toBe(1);
    expect(screensSeen[0]).toContain('Geef de naam van de organisatie.');
    expect(screensSeen[1]).toContain('Niet van toepassing vraagt om een toelichting.');
    expect(screens[1]).toContain('spatie aan/uit');
    expect(screens[1]).toContain('⏎ bevestigen');
    expect(screens.at(-1)).toContain('❯ Klaar: schrijf het rapport');
    expect(screens.at(-1)).toContain('✗ nee 5/6 (nog geen eigenaar voor 1 uitspraak) Bescherm je');
    expect(flat(stderr)).toContain(
      '✗ nee: 1 van de 6 uitspraken is niet waar: – Je waarschuwt klanten voordat je',
    );
    expect(stderr).toContain('rapport geschreven:');
    expect(stderr).toMatch(/✗ nee {2}5\/6 {2}Bescherm je proactief/);
    expect(stderr).toContain('Kapsalon Knip: niet voldaan, 9 van 10 vragen voldaan');
    const english = [...screens, ...screensSeen, stderr].join('\n');
    for (const word of ENGLISH_UI) expect(english).not.toContain(word);
  });
});

/** English words of trustcheck's terminal that a Dutch audit must not show. */
const ENGLISH_UI = [
  'navigate',
  'select',
  'submit',
  'You must',
  'Yes',
  'Not applicable',
  'Help',
  'Back',
  'question ',
  'answered',
  'statements',
  'not satisfied',
  'not true',
  'passed',
  'failed',
  'wrote',
  'Done',
  'Review',
  'Write the report',
  'Resuming',
];
