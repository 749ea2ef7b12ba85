// The interactive audit: a manager answers statement by statement on a terminal, with progress,
// Back and notes. It only asks and saves: every answer is written to the answers file at once,
// so Ctrl-C, a signal or a crash loses nothing but the answer being typed. It returns the
// answers file (and where the report goes); the caller runs the audit on it.
import type { Choice as AnswerChoice } from '../core/answers.js';
import { defaultLanguage, type Language } from '../core/language.js';
import { formatIssue } from '../core/issues.js';
import type { Questionnaire, Section, Statement } from '../core/model.js';
import { localize, pickLanguage } from '../core/questionnaire.js';
import { extensionFor, type ReportFormat } from '../core/render/index.js';
import type { Styles } from '../core/render/styles.js';
import { scoreSection } from '../core/scoring.js';
import { renderTemplate } from '../core/template.js';
import { loadAnswerFile } from '../app/load.js';
import { defaultQuestionnaires, resolveRef } from '../app/registry.js';
import { assertAnswersTarget } from '../app/answers-target.js';
import { schemaRefFor } from '../app/schema-ref.js';
import { selectQuestionnaires, type Selection } from '../app/select.js';
import { TrustcheckError, unwrap } from '../errors.js';
import { AnswersFile } from './answers-file.js';
import { isInterrupt, type Prompts } from './prompts.js';
import { textsFor, type Texts } from './texts.js';

/** What the interview writes on: the terminal's error stream, in the user's colours. */
export interface Terminal {
  stderr: { write(text: string): unknown };
  color: Styles;
  env: Readonly<Record<string, string | undefined>>;
  /** A message line, silent under --quiet. */
  info(message: string): void;
  warn(message: string): void;
}

export interface InterviewPlan {
  /** The answers file: created (a new audit) or continued (`existing`). */
  file: string;
  existing: boolean;
  /** A new audit may replace an existing file. */
  force: boolean;
  subject?: string | undefined;
  /** -q REFs; asked when not given. */
  questionnaires?: readonly string[] | undefined;
  /** --lang */
  language?: Language | undefined;
  /** The audit's date, for the verdict of each section (an N/A may have expired). */
  today: string;
  /** Ask where the report goes, in this format (unless the path's extension says another). */
  askReportPath?: { format: ReportFormat } | undefined;
  /** Why a report path cannot be written, if it cannot (asked again then). */
  reportPathProblem?: ((path: string) => string | undefined) | undefined;
}

export type InterviewOutcome =
  | { status: 'done'; file: string; language: Language; reportPath?: string }
  | { status: 'interrupted'; message: string };

interface Step {
  questionnaire: Questionnaire;
  section: Section;
  sectionIndex: number;
  statement: Statement;
}

type Pick = AnswerChoice | 'back';

export async function interview(
  term: Terminal,
  prompts: Prompts,
  plan: InterviewPlan,
): Promise<InterviewOutcome> {
  const { file } = plan;
  let answers: AnswersFile | undefined;
  let language: Language = plan.language ?? defaultLanguage(term.env, undefined);
  let t: Texts = textsFor(language);
  const count = { given: 0 };
  try {
    let questionnaires: Questionnaire[];
    if (plan.existing) {
      const loaded = unwrap(loadAnswerFile(file));
      language = plan.language ?? defaultLanguage(term.env, loaded.value.language);
      t = textsFor(language);
      questionnaires = selected(selectQuestionnaires(loaded, plan.questionnaires), term);
      answers = new AnswersFile(file, loaded.parsed.doc);
    } else {
      assertAnswersTarget(file, plan.force, t.exists(file));
      const subject =
        plan.subject ??
        (
          await prompts.input({
            message: t.subject,
            required: true,
            validate: (v) => v.trim() !== '' || t.subjectRequired,
          })
        ).trim();
      const refs =
        plan.questionnaires ??
        (await prompts.checkbox({
          message: t.questionnaires,
          required: true,
          choices: defaultQuestionnaires().map((id) => {
            const q = unwrap(resolveRef(id)).value;
            return {
              name: `${localize(q.title, pickLanguage(q, language))} (${id})`,
              value: id,
              checked: true,
            };
          }),
        }));
      questionnaires = selected(selectQuestionnaires(undefined, refs), term);
      answers = AnswersFile.fromText(
        file,
        renderTemplate(questionnaires, { subject, language, schemaRef: schemaRefFor(file) }),
      );
      answers.save();
      term.info(term.color.dim(t.saved(file)));
    }
    await askAll(term, prompts, t, language, plan.today, questionnaires, answers, count);
    const reportPath =
      plan.askReportPath === undefined
        ? undefined
        : await prompts.input({
            message: t.reportPath,
            default: `trustcheck-report${extensionFor(plan.askReportPath.format)}`,
            required: true,
            validate: (v) => plan.reportPathProblem?.(v.trim()) ?? true,
          });
    return {
      status: 'done',
      file,
      language,
      ...(reportPath === undefined ? {} : { reportPath: reportPath.trim() }),
    };
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    return {
      status: 'interrupted',
      message:
        answers === undefined
          ? 'interrupted before the audit started; nothing was written'
          : t.interrupted(count.given, file),
    };
  }
}

/** The questionnaires of a selection; its problems end the interview, its warnings are shown. */
function selected(selection: Selection, term: Terminal): Questionnaire[] {
  if (selection.issues.length > 0) throw TrustcheckError.fromIssues(selection.issues);
  for (const w of selection.warnings) term.warn(formatIssue(w));
  return selection.selected.map((q) => q.value);
}

/** Asks every unanswered statement in order, with Back, counting the answers given. */
async function askAll(
  term: Terminal,
  prompts: Prompts,
  t: Texts,
  language: string,
  today: string,
  questionnaires: readonly Questionnaire[],
  answers: AnswersFile,
  count: { given: number },
): Promise<void> {
  const c = term.color;
  const steps: Step[] = questionnaires.flatMap((questionnaire) =>
    questionnaire.sections.flatMap((section, sectionIndex) =>
      section.statements.map((statement) => ({ questionnaire, section, sectionIndex, statement })),
    ),
  );
  const isAnswered = (s: Step) =>
    answers.get(s.questionnaire.id, s.section.id, s.statement.id).answer !== null;
  const toAsk = steps.filter((s) => !isAnswered(s));
  if (toAsk.length === 0) term.info(t.nothingToAsk(answers.file));

  let i = 0;
  let shownSection: Section | undefined;
  while (i < toAsk.length) {
    const step = toAsk[i]!;
    const q = step.questionnaire;
    const lang = pickLanguage(q, language);
    const text = (x: Parameters<typeof localize>[0]) => localize(x, lang, q.languages[0]) ?? '';
    if (shownSection !== step.section) {
      shownSection = step.section;
      term.stderr.write(
        `\n${c.bold(`${step.sectionIndex + 1}. ${text(step.section.title)}`)}\n${c.dim(t.rule)}\n`,
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
      message: `${c.dim(progress)}\n  ${text(step.statement.text)}${help === undefined ? '' : `\n  ${c.dim(help)}`}\n `,
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
    count.given++;
    i++;
    const next = toAsk[i];
    if (next === undefined || next.section !== step.section) {
      term.stderr.write(`${sectionVerdict(c, t, step, answers, today)}\n`);
    }
  }
}

function sectionVerdict(
  c: Styles,
  t: Texts,
  step: Step,
  answers: AnswersFile,
  date: string,
): string {
  const section = step.section;
  const given = Object.fromEntries(
    section.statements.map((s) => [s.id, answers.get(step.questionnaire.id, section.id, s.id)]),
  );
  const result = scoreSection(section, given, { date });
  const unsatisfied = result.statements.filter((s) => !s.satisfied).map((s) => s.statement.id);
  return result.passed
    ? c.green(`✓ ${step.questionnaire.id}.${section.id}: ${t.sectionPassed(result.total)}`)
    : c.red(`✗ ${step.questionnaire.id}.${section.id}: ${t.sectionFailed(unsatisfied)}`);
}
