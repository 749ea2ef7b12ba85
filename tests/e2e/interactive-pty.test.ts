// The whole program in a real pseudo-terminal (tmux): answer a few prompts, Ctrl-C, check the
// saved file and exit code 130, then resume and finish.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, tempDir } from './helpers.js';
import { TIMEOUT } from '../timeouts.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let cleanup: () => void;
let session: string;

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);

async function waitFor(
  test: (text: string) => boolean,
  what: string,
  timeout = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = screen();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function start(args: string): void {
  session = `trustcheck-${process.pid}-${Date.now()}`;
  const command = `cd ${dir} && NO_COLOR=1 LANG=C ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
}

async function exitCode(): Promise<number> {
  const file = join(dir, 'exit.txt');
  const deadline = Date.now() + 20_000;
  while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`no exit code; screen:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Number(readFileSync(file, 'utf8').trim());
}

/** Waits until the prompt for answer number `answered + 1` is on screen. */
const prompt = (answered: number) =>
  waitFor(
    (t) =>
      t.includes(`${answered} of 18 answered`) &&
      /❯ (Yes|No)/.test(t.split(`${answered} of 18 answered`).at(-1)!),
    `prompt ${answered + 1}`,
  );

beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
  cleanup();
});

describe.skipIf(!hasTmux)('interactive audit in a pseudo-terminal', () => {
  it(
    'Ctrl-C saves every answer and exits 130; --resume asks the rest and writes the report',
    async () => {
      start('audit --subject Acme -q trustability --save-answers answers.yaml');
      await prompt(0);
      keys('Enter'); // warranty-expiry: yes
      await prompt(1);
      keys('Down', 'Enter'); // renewal-warning: no
      await waitFor((t) => t.includes('A note'), 'the note prompt');
      keys('Renews silently', 'Enter');
      await prompt(2);
      keys('Enter'); // upgrade-eligibility: yes
      await prompt(3);
      keys('C-c');
      expect(await exitCode()).toBe(130);
      expect(screen()).toContain('continue with: trustcheck audit --resume answers.yaml');
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      const answers = saved.questionnaires.trustability.answers;
      expect(answers['economic-interests']).toEqual({
        'warranty-expiry': 'yes',
        'renewal-warning': { answer: 'no', note: 'Renews silently' },
        'upgrade-eligibility': 'yes',
        'unclaimed-entitlements': null,
        'overbuying-advice': null,
        'competitor-referral': null,
      });
      expect(
        Object.values(answers)
          .flatMap((s) => Object.values(s))
          .filter((a) => a !== null),
      ).toHaveLength(3);

      spawnSync('tmux', ['kill-session', '-t', session]);
      execFileSync('rm', ['-f', join(dir, 'exit.txt')]);
      start('audit --resume answers.yaml -o report.json');
      for (let answered = 3; answered < 18; answered++) {
        await prompt(answered);
        keys('Enter');
      }
      expect(await exitCode()).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        subject: string;
        passed: boolean;
        totals: { statementsSatisfied: number };
      };
      expect(report).toMatchObject({
        subject: 'Acme',
        passed: false,
        totals: { statementsSatisfied: 17 },
      });
      expect(screen()).toContain(
        'Acme: failed, 4 of 5 questions pass, 17 of 18 statements true (exit 1)',
      );
    },
    TIMEOUT.pty,
  );

  it(
    'SIGTERM during a prompt saves like Ctrl-C does',
    async () => {
      start('audit --subject Acme -q trustability --save-answers answers.yaml');
      await prompt(0);
      keys('Enter');
      await prompt(1);
      const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
      const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' })
        .trim()
        .split('\n')[0]!;
      process.kill(Number(node), 'SIGTERM');
      expect(await exitCode()).toBe(130);
      expect(screen()).toContain('continue with: trustcheck audit --resume answers.yaml');
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      expect(
        saved.questionnaires.trustability.answers['economic-interests']!['warranty-expiry'],
      ).toBe('yes');
      expect(
        saved.questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
      ).toBeNull();
    },
    TIMEOUT.pty,
  );
});
