// The interactive audit in-process: the real @inquirer prompts, rendered and driven with
// @inquirer/testing, through the interview's prompt adapter; the interview alone, and the whole
// audit command around it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { checkbox, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import { runAuditCommand } from '../../src/cli/commands/audit.js';
import type { AuditCommandOptions } from '../../src/cli/scripted-audit.js';
import { interview, type InterviewPlan } from '../../src/interactive/interview.js';
import type { Prompts } from '../../src/interactive/prompts.js';
import { TrustcheckError } from '../../src/errors.js';

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
  const choices = screen.split('\n').filter((l) => /^[❯ ] (Yes|No|Not applicable|Back)$/.test(l));
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

function scripted(steps: Step[]): { prompts: Prompts; screens: string[] } {
  const screens: string[] = [];
  let k = 0;
  const drive = async <T>(prompt: (config: never) => Promise<T>, config: unknown): Promise<T> => {
    const { answer, events, getScreen } = await render(prompt as never, config as never);
    const screen = getScreen();
    screens.push(screen.replace(/\n(?![?✔❯ ↑]|$)/g, ' '));
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
const ctx = async () => {
  const err = new PassThrough();
  stderr = '';
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const stdout = new PassThrough();
  return createContext(
    {
      stdout: { write: (s: string) => stdout.write(s) },
      stderr: { write: (s: string) => err.write(s) },
      stdin: Object.assign(new PassThrough(), { isTTY: true }),
      env: { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795392000' },
    },
    [],
  );
};
const options = (extra: Partial<AuditCommandOptions> = {}): AuditCommandOptions => ({
  saveAnswers: file,
  questionnaire: ['trustability'],
  subject: 'Acme B.V.',
  output: [join(dir, 'report.json')],
  lang: 'en',
  failOn: 'fail',
  ...extra,
});
const plan = (extra: Partial<InterviewPlan> = {}): InterviewPlan => ({
  file,
  existing: false,
  force: false,
  subject: 'Acme B.V.',
  questionnaires: ['trustability'],
  language: 'en',
  today: '2026-11-23',
  ...extra,
});
const saved = () =>
  parse(readFileSync(file, 'utf8')) as {
    subject: string;
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
    const { prompts, screens } = scripted(Array<Step>(18).fill(yes));
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(report()).toMatchObject({ passed: true, subject: 'Acme B.V.' });
    expect(saved().questionnaires.trustability.answers['economic-interests']).toMatchObject({
      'warranty-expiry': 'yes',
      'competitor-referral': 'yes',
    });
    expect(screens[0]).toContain('Trustability test · question 1/5 · 0 of 18 answered');
    expect(screens[0]).toContain(
      'You remind customers when their warranty or guarantee period is about to expire.',
    );
    expect(screens[17]).toContain('question 5/5 · 17 of 18 answered');
    expect(stderr).toContain('✓ trustability.economic-interests: yes: all 6 statements are true');
    expect(stderr).toContain('Acme B.V.: passed');
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
    const rest = scripted(Array<Step>(17).fill(yes));
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
    expect(rest.screens).toHaveLength(17);
    expect(readFileSync(file, 'utf8')).toContain('# kept\nformat: trustcheck-answers/1');
    expect(stderr).toMatch(/✓ yes {2}trustability\.economic-interests {2,}6\/6/);
  });

  it('offers Not applicable only where the statement allows it, and Back after the first', async () => {
    const { prompts, screens } = scripted(Array<Step>(18).fill(yes));
    await runAuditCommand(await ctx(), options(), prompts);
    expect(screens[0]).toContain('Not applicable'); // warranty-expiry
    expect(screens[0]).not.toContain('Back');
    expect(screens[2]).not.toContain('Not applicable'); // upgrade-eligibility
    expect(screens[2]).toContain('Back');
  });

  it('a no with a note, and an N/A with its required note', async () => {
    const steps = Array<Step>(18).fill(yes);
    steps.splice(0, 1, na, type('We sell services, no goods.'));
    steps.splice(2, 1, no, type('Gym plans renew without notice.'));
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
    expect(stderr).toContain('✗ trustability.economic-interests: no: not true: renewal-warning');
    expect(report().questionnaires[0]!.sections.map((s) => s.passed)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('going back changes an earlier answer', async () => {
    const steps: Step[] = [yes, no, type(''), back, back, yes, ...Array<Step>(17).fill(yes)];
    const { prompts, screens } = scripted(steps);
    expect(await runAuditCommand(await ctx(), options(), prompts)).toBe(0);
    expect(
      saved().questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
    ).toBe('yes');
    // on the way back the earlier answer is the default
    expect(screens[4]).toMatch(/❯ No/);
  });

  it('Ctrl-C midway: the file holds exactly the answers given, exit 130; resume asks only the rest', async () => {
    const first = scripted([yes, no, type('Not yet.'), yes, ctrlC]);
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

    const rest = scripted(Array<Step>(15).fill(yes));
    expect(
      await runAuditCommand(
        await ctx(),
        { ...options(), resume: file, subject: undefined, questionnaire: undefined },
        rest.prompts,
      ),
    ).toBe(1);
    expect(rest.screens).toHaveLength(15);
    expect(rest.screens[0]).toContain('You remind customers if they haven’t claimed something');
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
      ...Array<Step>(18).fill(yes),
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
    const again = scripted(Array<Step>(18).fill(yes));
    expect(await runAuditCommand(await ctx(), options({ force: true }), again.prompts)).toBe(0);
  });

  it('returns the answers file and the report path, asking the path again while it cannot be written', async () => {
    const retype: Step = async (e, _screen, getScreen) => {
      e.type('missing/report.md');
      e.keypress('enter');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(getScreen()).toContain('the folder missing does not exist');
      for (let i = 0; i < 40; i++) e.keypress('backspace');
      e.type('r.md');
      e.keypress('enter');
    };
    const steps: Step[] = [...Array<Step>(18).fill(yes), retype];
    const { prompts, screens } = scripted(steps);
    const problem = (path: string) =>
      path.startsWith('missing/') ? 'the folder missing does not exist' : undefined;
    const outcome = await interview(
      await ctx(),
      prompts,
      plan({ askReportPath: { format: 'md' }, reportPathProblem: problem }),
    );
    expect(outcome).toEqual({ status: 'done', file, language: 'en', reportPath: 'r.md' });
    expect(screens).toHaveLength(19);
    expect(screens[18]).toContain('Write the report to');
    expect(saved().questionnaires.trustability.answers['product-competence']).toEqual({
      'quality-parity': 'yes',
      'proactive-make-goods': 'yes',
    });
  });

  it('speaks Dutch with --lang nl', async () => {
    const { prompts, screens } = scripted([ctrlC]);
    await runAuditCommand(await ctx(), options({ lang: 'nl' }), prompts).catch(() => undefined);
    expect(screens[0]).toContain('Betrouwbaarheidstest · vraag 1/5 · 0 van 18 beantwoord');
    expect(screens[0]).toContain(
      'Je herinnert klanten eraan wanneer hun garantietermijn bijna afloopt.',
    );
    expect(screens[0]).toMatch(/❯ Ja\n {2}Nee\n {2}Niet van toepassing/);
    expect(stderr).toContain(
      'Het antwoord is alleen "ja" als ALLE uitspraken hieronder waar zijn.',
    );
    expect(existsSync(file)).toBe(true);
  });
});
