// The interactive audit: a manager answers statement by statement on a terminal, with progress,
// Back and notes. Every answer is saved at once, so Ctrl-C, a signal or a crash loses nothing
// but the answer being typed.
import type { Context } from '../cli/context.js';
import {
  auditAnswers,
  exitCodeFor,
  printSectionTable,
  printSummary,
  reportTargets,
  writeReports,
  type AuditCommandOptions,
  type FailOn,
} from '../cli/commands/audit.js';
import { schemaRefFor } from '../cli/commands/init.js';
import { defaultLanguage } from '../cli/language.js';
import type { Choice as AnswerChoice } from '../core/answers.js';
import type { Questionnaire, Section, Statement } from '../core/model.js';
import { localize, pickLanguage } from '../core/questionnaire.js';
import { extensionFor, formatForPath, render, type ReportFormat } from '../core/render/index.js';
import { scoreSection } from '../core/scoring.js';
import { renderTemplate } from '../core/template.js';
import { ExitCode, TrustcheckError } from '../errors.js';
import { today } from '../audit.js';
import { assertWritable, writeFileAtomic } from '../io/write.js';
import { loadAnswerFile } from '../load.js';
import { defaultQuestionnaires, resolvePinned, resolveRef } from '../questionnaires.js';
import { AnswersFile } from './answers-file.js';
import { isInterrupt, terminalPrompts, type Prompts } from './prompts.js';
import { textsFor, type Texts } from './texts.js';

interface Step {
  questionnaire: Questionnaire;
  section: Section;
  sectionIndex: number;
  statement: Statement;
}

type Pick = AnswerChoice | 'back';

/** Where the answers go: --resume FILE, --answers FILE --interactive, or --save-answers. */
function answersPath(options: AuditCommandOptions): { file: string; existing: boolean } {
  if (options.resume !== undefined) {
    return {
      file: options.resume === true ? './trustcheck-answers.yaml' : options.resume,
      existing: true,
    };
  }
  if (options.interactive === true && options.answers?.length === 1) {
    return { file: options.answers[0]!, existing: true };
  }
  return { file: options.saveAnswers, existing: false };
}

export async function interactiveAudit(
  ctx: Context,
  options: AuditCommandOptions,
  failOn: FailOn,
): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // `on`, not `once`: @inquirer's signal-exit re-raises a signal that has no other listener left
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    return await runInteractive(ctx, options, failOn, terminalPrompts(ctx, controller.signal));
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

/** The whole interactive audit, asking through `prompts`. */
export async function runInteractive(
  ctx: Context,
  options: AuditCommandOptions,
  failOn: FailOn,
  prompts: Prompts,
): Promise<number> {
  const { file, existing } = answersPath(options);
  let answers: AnswersFile | undefined;
  let language: string;
  let questionnaires: Questionnaire[];
  let given = 0;
  let t: Texts = textsFor(options.lang ?? defaultLanguage(ctx.env, undefined));
  try {
    if (existing) {
      const loaded = loadAnswerFile(file);
      language = options.lang ?? defaultLanguage(ctx.env, loaded.value.language);
      questionnaires = (options.questionnaire ?? Object.keys(loaded.value.questionnaires)).map(
        (ref) => {
          if (options.questionnaire !== undefined) return resolveRef(ref).value;
          const pinned = resolvePinned(ref, loaded.value.questionnaires[ref]?.version);
          if ('error' in pinned) throw new TrustcheckError(`${file}: ${pinned.error}`);
          return pinned.loaded.value;
        },
      );
      answers = new AnswersFile(file, loaded.parsed.doc);
      t = textsFor(language);
    } else {
      assertWritable(file, options.force === true, t.exists(file));
      language = options.lang ?? defaultLanguage(ctx.env, undefined);
      const subject =
        options.subject ??
        (
          await prompts.input({
            message: t.subject,
            required: true,
            validate: (v) => v.trim() !== '' || t.subjectRequired,
          })
        ).trim();
      const refs =
        options.questionnaire ??
        (await prompts.checkbox({
          message: t.questionnaires,
          required: true,
          choices: defaultQuestionnaires().map((id) => {
            const q = resolveRef(id).value;
            return {
              name: `${localize(q.title, pickLanguage(q, language))} (${id})`,
              value: id,
              checked: true,
            };
          }),
        }));
      questionnaires = refs.map((ref) => resolveRef(ref).value);
      answers = AnswersFile.fromText(
        file,
        renderTemplate(questionnaires, { subject, language, schemaRef: schemaRefFor(file) }),
      );
      answers.save();
      ctx.info(ctx.color.dim(t.saved(file)));
    }

    const steps: Step[] = questionnaires.flatMap((questionnaire) =>
      questionnaire.sections.flatMap((section, sectionIndex) =>
        section.statements.map((statement) => ({
          questionnaire,
          section,
          sectionIndex,
          statement,
        })),
      ),
    );
    const saved = answers;
    const isAnswered = (s: Step) =>
      saved.get(s.questionnaire.id, s.section.id, s.statement.id).answer !== null;
    const toAsk = steps.filter((s) => !isAnswered(s));
    if (toAsk.length === 0) ctx.info(t.nothingToAsk(file));

    let i = 0;
    let shownSection: Section | undefined;
    while (i < toAsk.length) {
      const step = toAsk[i]!;
      const q = step.questionnaire;
      const lang = pickLanguage(q, language);
      const text = (x: Parameters<typeof localize>[0]) => localize(x, lang, q.languages[0]) ?? '';
      if (shownSection !== step.section) {
        shownSection = step.section;
        ctx.stderr.write(
          `\n${ctx.color.bold(`${step.sectionIndex + 1}. ${text(step.section.title)}`)}\n${ctx.color.dim(t.rule)}\n`,
        );
      }
      const inQuestionnaire = steps.filter((s) => s.questionnaire === q);
      const answered = inQuestionnaire.filter(isAnswered).length;
      const progress = t.progress(
        text(q.title),
        step.sectionIndex + 1,
        q.sections.length,
        answered,
        inQuestionnaire.length,
      );
      const previous = answers.get(q.id, step.section.id, step.statement.id);
      const help = localize(step.statement.help, lang, q.languages[0]);
      const pick = await prompts.select<Pick>({
        message: `${ctx.color.dim(progress)}\n  ${text(step.statement.text)}${help === undefined ? '' : `\n  ${ctx.color.dim(help)}`}\n `,
        choices: [
          { name: t.yes, value: 'yes' },
          { name: t.no, value: 'no' },
          ...(step.statement.allowNotApplicable === true
            ? [{ name: t.na, value: 'na' as const }]
            : []),
          ...(i > 0 ? [{ name: t.back, value: 'back' as const }] : []),
        ],
        ...(previous.answer === null ? {} : { default: previous.answer }),
        loop: false,
      });
      if (pick === 'back') {
        i--;
        shownSection = undefined;
        continue;
      }
      let note: string | undefined;
      if (pick === 'no' || pick === 'na') {
        note = await prompts.input({
          message: pick === 'na' ? t.noteRequired : t.noteOptional,
          ...(previous.note === undefined ? {} : { default: previous.note }),
          ...(pick === 'na'
            ? { required: true, validate: (v: string) => v.trim() !== '' || t.noteMissing }
            : {}),
        });
      }
      answers.set(q.id, step.section.id, step.statement.id, pick, note);
      given++;
      i++;
      const next = toAsk[i];
      if (next === undefined || next.section !== step.section)
        printVerdict(ctx, t, step, answers, today(ctx.env));
    }
  } catch (error) {
    if (isInterrupt(error)) {
      const message =
        answers === undefined
          ? 'interrupted before the audit started; nothing was written'
          : t.interrupted(given, file);
      throw new TrustcheckError(message, { exitCode: ExitCode.interrupted });
    }
    throw error;
  }

  // every statement is answered: the same audit a script would run on the file
  const outcome = auditAnswers(ctx, file, loadAnswerFile(file), {
    ...options,
    lang: language as 'en' | 'nl',
  });
  ctx.stderr.write('\n');
  printSectionTable(ctx, outcome.report);
  printSummary(ctx, outcome);
  if (reportTargets(options).length > 0) {
    writeReports(ctx, outcome.report, options);
  } else {
    const format: ReportFormat = options.format ?? 'md';
    let target: string;
    try {
      target = await prompts.input({
        message: t.reportPath,
        default: `trustcheck-report${extensionFor(format)}`,
        required: true,
      });
    } catch (error) {
      if (isInterrupt(error))
        throw new TrustcheckError(`interrupted; every answer is saved in ${file}`, {
          exitCode: ExitCode.interrupted,
        });
      throw error;
    }
    writeFileAtomic(
      target,
      render(outcome.report, options.format ?? formatForPath(target) ?? 'md'),
    );
    ctx.info(`wrote ${target}`);
  }
  return exitCodeFor(outcome.report, failOn);
}

function printVerdict(
  ctx: Context,
  t: Texts,
  step: Step,
  answers: AnswersFile,
  date: string,
): void {
  const section = step.section;
  const given = Object.fromEntries(
    section.statements.map((s) => [s.id, answers.get(step.questionnaire.id, section.id, s.id)]),
  );
  const result = scoreSection(section, given, { date });
  const unsatisfied = result.statements.filter((s) => !s.satisfied).map((s) => s.statement.id);
  const line = result.passed
    ? ctx.color.green(`✓ ${step.questionnaire.id}.${section.id}: ${t.sectionPassed(result.total)}`)
    : ctx.color.red(`✗ ${step.questionnaire.id}.${section.id}: ${t.sectionFailed(unsatisfied)}`);
  ctx.stderr.write(`${line}\n`);
}
