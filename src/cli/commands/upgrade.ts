// `trustcheck upgrade FILE`: moves an answer file to the newest version of each questionnaire in
// it (app/upgrade.ts), says what changes (stdout), writes the file atomically under the session
// lock, and on a terminal offers to ask the new statements with the interview of
// `audit --interactive`. `--dry-run` says what would change and writes nothing.
import { statSync } from 'node:fs';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { loadAnswerFile } from '../../app/load.js';
import { today } from '../../app/today.js';
import { upgradeAnswerFile } from '../../app/upgrade.js';
import { defaultLanguage, pick } from '../../core/language.js';
import { upgradeLines } from '../../core/render/upgrade.js';
import { shellQuote } from '../../core/text/shell.js';
import { safeLine } from '../../core/text/terminal.js';
import { terminalWidth, wrap } from '../../core/text/wrap.js';
import { writeFileSafely } from '../../io/write.js';
import type { Context } from '../context.js';
import type { UpgradeOptions } from '../declarations.js';
import { printLines } from '../report-output.js';
import { lockAnswersFile } from '../session-lock.js';
import { withSignals } from '../signals.js';

const WORDS = {
  en: {
    nothing: (file: string) =>
      `${file}: every built-in questionnaire is at its newest version; nothing to do`,
    dryRun: (file: string) => `nothing written (--dry-run); run without it to upgrade ${file}`,
    wrote: (file: string) => `wrote ${file}`,
    toAnswer: (n: number, file: string) =>
      `${n === 1 ? '1 new statement is' : `${n} new statements are`} unanswered (~); answer ${n === 1 ? 'it' : 'them'} in the file, or with \`trustcheck audit --answers ${file} --interactive\``,
    allAnswered: (file: string) =>
      `every statement is answered; audit it with \`trustcheck audit --answers ${file}\``,
  },
  nl: {
    nothing: (file: string) =>
      `${file}: elke ingebouwde vragenlijst staat al op de nieuwste versie; er is niets te doen`,
    dryRun: (file: string) =>
      `niets geschreven (--dry-run); draai het zonder om ${file} over te zetten`,
    wrote: (file: string) => `${file} geschreven`,
    toAnswer: (n: number, file: string) =>
      `${n === 1 ? '1 nieuwe uitspraak is' : `${n} nieuwe uitspraken zijn`} nog niet beantwoord (~); beantwoord ${n === 1 ? 'haar' : 'ze'} in het bestand, of met \`trustcheck audit --answers ${file} --interactive\``,
    allAnswered: (file: string) =>
      `alle uitspraken zijn beantwoord; doe de audit met \`trustcheck audit --answers ${file}\``,
  },
};

export async function upgradeCommand(
  ctx: Context,
  file: string,
  options: UpgradeOptions,
): Promise<number> {
  const dryRun = options.dryRun === true;
  // the file is rewritten in place: a pipe or a device holds no file to write back to
  if (!dryRun) assertRegularFile(file);
  // one session at a time holds an answers file: from reading it to writing it, and the interview
  const lock = dryRun ? undefined : lockAnswersFile(ctx, file);
  try {
    const loaded = unwrap(loadAnswerFile(file));
    const language = options.lang ?? defaultLanguage(ctx.env, loaded.value.language);
    const w = pick(WORDS, language);
    const shown = safeLine(file);
    const upgrade = unwrap(upgradeAnswerFile(file, loaded, language));
    if (!upgrade.changed) {
      for (const line of upgradeLines([], language, upgrade.untouched)) ctx.info(line.text);
      ctx.info(w.nothing(shown));
      return ExitCode.ok;
    }
    // on a terminal, wrapped at word boundaries to its width
    const width = ctx.stdout.isTTY === true ? terminalWidth(ctx.stdout.columns) : Infinity;
    for (const line of upgradeLines(upgrade.plans, language, upgrade.untouched)) {
      const hang = line.hang === undefined ? {} : { hang: ' '.repeat(line.hang) };
      ctx.stdout.write(`${wrap(line.text, width, hang).join('\n')}\n`);
    }
    if (dryRun) {
      ctx.info(w.dryRun(shown));
      return ExitCode.ok;
    }
    writeFileSafely(file, upgrade.text, { durable: true });
    ctx.info(w.wrote(shown));
    const added = upgrade.plans.reduce((n, plan) => n + plan.added.length, 0);
    if (added === 0) return ExitCode.ok;
    const command = shellQuote(file);
    if (options.interactive === false || ctx.stdin.isTTY !== true) {
      printLines(ctx, [{ text: w.toAnswer(added, command), hang: 2 }]);
      return ExitCode.ok;
    }
    return await askNewStatements(ctx, file, added, language, (n) => w.toAnswer(n, command));
  } finally {
    lock?.release();
  }
}

/** On a terminal: offers to ask the new statements, with the interview of `audit --interactive`. */
async function askNewStatements(
  ctx: Context,
  file: string,
  added: number,
  language: ReturnType<typeof defaultLanguage>,
  later: (n: number) => string,
): Promise<number> {
  const { interview, offerToAnswer } = await import('../../interactive/interview.js');
  const { terminalPrompts } = await import('../../interactive/prompts.js');
  const outcome = await withSignals(async (signal) => {
    const prompts = terminalPrompts({ input: ctx.stdin, output: ctx.rawStderr }, signal);
    const now = await offerToAnswer(ctx, prompts, added, safeLine(file), language);
    if (now !== true) return now;
    return interview(ctx, prompts, {
      file,
      existing: true,
      force: false,
      language,
      today: today(ctx.env),
      ending: 'saved',
    });
  });
  if (outcome === false || outcome === 'interrupted') {
    printLines(ctx, [{ text: later(added), hang: 2 }]);
    return outcome === false ? ExitCode.ok : ExitCode.interrupted;
  }
  if (outcome.status === 'interrupted') {
    throw new TrustcheckError(outcome.message, { exitCode: ExitCode.interrupted });
  }
  printLines(ctx, [{ text: pick(WORDS, outcome.language).allAnswered(shellQuote(file)), hang: 2 }]);
  return ExitCode.ok;
}

/** The answer file must be a file (a link to one is followed): it is written back in place. */
function assertRegularFile(file: string): void {
  let regular: boolean;
  try {
    regular = statSync(file).isFile();
  } catch {
    // missing or unreadable: the loader says which, in its words
    return;
  }
  if (!regular) {
    throw new TrustcheckError(
      `${safeLine(file)} is not a regular file (a folder, a pipe or a device): trustcheck upgrade writes the answers back into the file it reads; give the answer file itself, or see the changes with --dry-run`,
    );
  }
}
